using Archon.Core.Providers;
using Archon.Offline.Loopback;
using Archon.Offline.Simulation;

namespace Archon.Offline;

/// <summary>
/// The offline providers every host registers with its <see cref="ModelClientFactory"/>: "sim" (the SIMULATED fleet)
/// and "loopback" (an in-process OpenAI-compatible server with canned answers, started on first use and stopped with
/// the factory). Both then sit behind the same provider stack as real models: cache, resilience, caps, telemetry.
/// </summary>
public static class OfflineProviders
{
    public const string Loopback = "loopback";

    /// <summary>The catalog name a search spec may use for the SIMULATED fleet.</summary>
    public const string SimCatalogName = SimulatedModels.Provider;

    /// <summary>Setting that turns on fault injection in the loopback endpoint (<see cref="LoopbackFaultOptions.Parse"/>).</summary>
    public const string FaultsSetting = "ARCHON_LOOPBACK_FAULTS";

    /// <param name="faults">Faults for the loopback endpoint (resilience drills); null = none.</param>
    public static void Register(
        ModelClientFactory factory, SimulatorKnowledge knowledge, int seed = 0, double delayScale = 0, LoopbackFaultInjector? faults = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        SimProvider.Register(factory, knowledge, seed: seed, delayScale: delayScale);
        var server = new Lazy<LoopbackModelServer>(() => LoopbackModelServer.StartCanned(TimeSpan.Zero, faults));
        factory.Own(new LazyDisposable(server));
        factory.RegisterProvider(Loopback, entry => factory.OpenAICompatible(entry, server.Value.OpenAIBaseUri));
    }

    /// <summary>Named catalogs for search specs: "sim" is the SIMULATED fleet; anything else is not a name (a file path).</summary>
    public static ModelCatalog? NamedCatalog(string name) =>
        name == SimCatalogName ? ModelCatalog.Parse(SimFleet.ToCatalogJson(SimFleet.Default), "sim fleet (SIMULATED)") : null;

    private sealed class LazyDisposable(Lazy<LoopbackModelServer> server) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => server.IsValueCreated ? server.Value.DisposeAsync() : ValueTask.CompletedTask;
    }
}
