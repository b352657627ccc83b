using Archon.Core.Architecture;
using Archon.Core.Providers;

namespace Archon.Http;

/// <summary>
/// Labels API results whose architecture uses the simulator ("sim" provider in the host's model catalog), so SIMULATED
/// figures are never mistaken for real ones. No catalog registered = no label.
/// </summary>
public sealed class ResultLabeler(ModelCatalog? catalog)
{
    public const string Simulated = "SIMULATED (sim provider: deterministic stand-in models, not real ones)";

    public string? LabelFor(ArchitectureConfig? architecture)
    {
        if (catalog is null || architecture is null)
        {
            return null;
        }

        var models = architecture.Layers.SelectMany(l => l.Components).Select(c => c.Model).Where(m => m.Length > 0);
        return SimulatedModels.Any(catalog, models) ? Simulated : null;
    }
}
