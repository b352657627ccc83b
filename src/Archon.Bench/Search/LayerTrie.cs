using Archon.Core.Architecture;
using Archon.Core.Search;

namespace Archon.Bench.Search;

/// <summary>
/// The points of a space as a trie of layer prefixes (<see cref="PrefixKey"/>): a node is "the first n layers" shared by
/// every architecture below it, so walking the trie computes each shared prefix once per item. A node lists the points
/// whose architecture ends there (their final answer is the node's state) and how many points lie below it (what the
/// node's calls would cost without reuse: every point paying its own copy).
/// </summary>
public sealed class LayerTrie
{
    private LayerTrie(Node root, int nodes)
    {
        Root = root;
        NodeCount = nodes;
    }

    public Node Root { get; }

    public int NodeCount { get; }

    public static LayerTrie Build(IReadOnlyList<ArchitectureConfig> architectures)
    {
        ArgumentNullException.ThrowIfNull(architectures);
        var root = new Node(-1, null);
        var byKey = new Dictionary<string, Node>(StringComparer.Ordinal);
        for (var p = 0; p < architectures.Count; p++)
        {
            var config = architectures[p];
            var node = root;
            node.PointsBelow++;
            for (var layer = 0; layer < config.Layers.Count; layer++)
            {
                var key = PrefixKey.For(config, layer + 1);
                if (!byKey.TryGetValue(key, out var child))
                {
                    child = new Node(layer, config);
                    byKey[key] = child;
                    node.Children.Add(child);
                }

                node = child;
                node.PointsBelow++;
            }

            node.Points.Add(p);
        }

        return new LayerTrie(root, byKey.Count);
    }

    /// <summary>One layer prefix: <see cref="Layer"/> is the layer it adds, run from <see cref="Architecture"/> (any
    /// architecture that has this prefix: their first layers are equal by content).</summary>
    public sealed class Node(int layer, ArchitectureConfig? architecture)
    {
        public int Layer { get; } = layer;

        public ArchitectureConfig? Architecture { get; } = architecture;

        public List<Node> Children { get; } = [];

        public List<int> Points { get; } = [];

        public int PointsBelow { get; set; }
    }
}
