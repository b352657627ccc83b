using Archon.Core.Execution;
using Archon.Core.Storage;
using Archon.Durable;
using Archon.Core.Architecture;

namespace Archon.TestSupport;

public static class TestArchitectures
{
    public static ComponentConfig C(string type, string model = "m", int samples = 1, int? topK = null) =>
        new() { Type = type, Model = model, Samples = samples, TopK = topK };

    public static ArchitectureConfig Arch(string name, params ComponentConfig[][] layers) =>
        new() { Name = name, Layers = layers.Select(l => new LayerConfig(l)).ToList() };

    /// <summary>8 generators (one per model), critic, ranker top-3 using critiques, fuser: 11 calls in 4 layers.</summary>
    public static ArchitectureConfig EightGeneratorsCriticRankerFuser(string name = "eight-gen") => Arch(
        name,
        Enumerable.Range(0, 8).Select(i => C("generator", $"model-{i}")).ToArray(),
        [C("critic")],
        [C("ranker", topK: 3) with { UseCritiques = true }],
        [C("fuser")]);

    public static ArchitectureConfig SingleGenerator(string name = "single") => Arch(name, [C("generator", "solo")]);
}
