using Archon.Core.Providers;

namespace Archon.Offline.Simulation;

/// <summary>
/// Registers the SIMULATED provider "sim" with a <see cref="ModelClientFactory"/>: each catalog entry with provider
/// "sim" gets a <see cref="SimulatedChatClient"/> for the profile of the same id (or provider model name).
/// </summary>
public static class SimProvider
{
    public const string Name = SimulatedModels.Provider;

    /// <param name="delayScale">0 = answer at once; 1 = wait each profile's simulated latency in real time (so latency
    /// measured by the provider stack reflects the profile).</param>
    public static void Register(ModelClientFactory factory, SimulatorKnowledge knowledge, IReadOnlyList<SimModelProfile>? profiles = null, int seed = 0, double delayScale = 0)
    {
        var byId = (profiles ?? SimFleet.Default).ToDictionary(p => p.Id, StringComparer.OrdinalIgnoreCase);
        factory.RegisterProvider(Name, entry =>
            byId.TryGetValue(entry.ModelName, out var p) || byId.TryGetValue(entry.Id, out p)
                ? new SimulatedChatClient(p, knowledge, seed) { DelayScale = delayScale }
                : throw new CatalogException($"model '{entry.Id}' uses provider \"sim\" but no SIMULATED profile has that id (known: {string.Join(", ", byId.Keys)})"));
    }

    /// <summary>True when every model the catalog resolves for these ids is simulated (results must say SIMULATED).</summary>
    public static bool AllSimulated(ModelCatalog catalog, IEnumerable<string> modelIds) => SimulatedModels.All(catalog, modelIds);

    public static bool AnySimulated(ModelCatalog catalog, IEnumerable<string> modelIds) => SimulatedModels.Any(catalog, modelIds);
}
