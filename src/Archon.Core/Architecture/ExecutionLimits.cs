using System.Globalization;

namespace Archon.Core.Architecture;

/// <summary>
/// Upper bounds on the work one query may ask for, checked before anything is scheduled (section
/// <c>ArchonApi:Limits</c> on the servers). The defaults accept every reference Archon config (the largest asks for
/// 1,000 samples of one generator) with room to spare, and refuse requests whose size alone would exhaust a host.
/// </summary>
public sealed class ExecutionLimits
{
    /// <summary>Most layers in an architecture (default 64).</summary>
    public int MaxLayers { get; set; } = 64;

    /// <summary>Most components in one layer (default 64).</summary>
    public int MaxComponentsPerLayer { get; set; } = 64;

    /// <summary>Most samples of one component (default 1,000: the reference corpus's largest).</summary>
    public int MaxSamplesPerComponent { get; set; } = 1000;

    /// <summary>Most planned first-pass model calls per query, as <see cref="CallPlanner"/> counts them (default 10,000).</summary>
    public long MaxPlannedCallsPerQuery { get; set; } = 10_000;

    public static ExecutionLimits Default { get; } = new();

    /// <summary>Null when the limits themselves are valid, else the first rule broken (prefixed with <paramref name="section"/>).</summary>
    public string? Validate(string section) =>
        MaxLayers < 1 ? $"{section}:MaxLayers: must be at least 1"
        : MaxComponentsPerLayer < 1 ? $"{section}:MaxComponentsPerLayer: must be at least 1"
        : MaxSamplesPerComponent < 1 ? $"{section}:MaxSamplesPerComponent: must be at least 1"
        : MaxPlannedCallsPerQuery < 1 ? $"{section}:MaxPlannedCallsPerQuery: must be at least 1"
        : null;

    /// <summary>
    /// The first limit <paramref name="architecture"/> breaks, as (field path under <paramref name="field"/>, rule), or null.
    /// Sizes are checked before the call count, so the count never walks an oversized structure.
    /// </summary>
    public (string Field, string Rule)? Check(ArchitectureConfig architecture, string field = "architecture")
    {
        ArgumentNullException.ThrowIfNull(architecture);
        var layers = architecture.Layers;
        if (layers.Count > MaxLayers)
        {
            return ($"{field}.layers", Invariant($"at most {MaxLayers} layers (limit MaxLayers), got {layers.Count}"));
        }

        for (var li = 0; li < layers.Count; li++)
        {
            var components = layers[li].Components;
            if (components.Count > MaxComponentsPerLayer)
            {
                return (Invariant($"{field}.layers[{li}]"),
                    Invariant($"at most {MaxComponentsPerLayer} components per layer (limit MaxComponentsPerLayer), got {components.Count}"));
            }

            for (var ci = 0; ci < components.Count; ci++)
            {
                if (components[ci].Samples > MaxSamplesPerComponent)
                {
                    return (Invariant($"{field}.layers[{li}][{ci}].samples"),
                        Invariant($"at most {MaxSamplesPerComponent} samples per component (limit MaxSamplesPerComponent), got {components[ci].Samples}"));
                }
            }
        }

        var planned = CallPlanner.Total(architecture);
        return planned > MaxPlannedCallsPerQuery
            ? (field, Invariant($"plans {planned} model calls per query, over the limit of {MaxPlannedCallsPerQuery} (limit MaxPlannedCallsPerQuery)"))
            : null;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
