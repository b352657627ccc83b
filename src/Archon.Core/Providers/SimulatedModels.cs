namespace Archon.Core.Providers;

/// <summary>
/// The one thing the engine knows about the SIMULATED fleet: its provider name. Results of models with this provider
/// must be labelled SIMULATED; the fleet itself lives in Archon.Offline.
/// </summary>
public static class SimulatedModels
{
    public const string Provider = "sim";

    /// <summary>True when every model the catalog resolves for these ids is simulated (results must say SIMULATED).</summary>
    public static bool All(ModelCatalog catalog, IEnumerable<string> modelIds) =>
        modelIds.All(id => catalog.TryResolve(id, out var e) && e.Provider == Provider);

    public static bool Any(ModelCatalog catalog, IEnumerable<string> modelIds) =>
        modelIds.Any(id => catalog.TryResolve(id, out var e) && e.Provider == Provider);
}
