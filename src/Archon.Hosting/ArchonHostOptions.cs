using Archon.Core.Providers;
using Archon.Offline.Loopback;
using Archon.Offline.Simulation;

namespace Archon.Hosting;

/// <summary>
/// What a host may choose when it composes Archon (<see cref="ArchonServices.AddArchon"/>). Defaults suit the Functions
/// app and <c>archon serve</c>: store from the <c>ArchonStorage</c> settings, catalog from <c>ARCHON_MODEL_CATALOG</c>
/// / <c>ARCHON_MODELS</c>, response cache in the result store, the shared SIMULATED knowledge with seed 0.
/// </summary>
public sealed class ArchonHostOptions
{
    /// <summary>A local result-store folder that wins over the <c>ArchonStorage</c> settings (the CLI's <c>--store</c>); null = settings.</summary>
    public string? LocalStore { get; set; }

    /// <summary>The model catalog; null = <see cref="ArchonModelServices.LoadCatalog"/> from configuration.</summary>
    public ModelCatalog? Catalog { get; set; }

    /// <summary>Where model responses are cached (default <see cref="ResponseCacheLocation.ResultStore"/>).</summary>
    public ResponseCacheLocation Cache { get; set; } = ResponseCacheLocation.ResultStore;

    /// <summary>The folder for <see cref="ResponseCacheLocation.Folder"/> (<c>archon run --cache-dir</c>).</summary>
    public string? CacheFolder { get; set; }

    /// <summary>What the SIMULATED fleet knows (benchmark answer keys); default the process-wide instance.</summary>
    public SimulatorKnowledge Knowledge { get; set; } = SimulatorKnowledge.Shared;

    /// <summary>Seed of the SIMULATED fleet (default 0).</summary>
    public int SimulatorSeed { get; set; }

    /// <summary>0 (default) = SIMULATED replies at once (their latency is reported, not waited); 1 = wait it in real time.</summary>
    public double SimulatorDelayScale { get; set; }

    /// <summary>Faults the loopback endpoint injects (resilience drills, <c>ARCHON_LOOPBACK_FAULTS</c>); null = none.</summary>
    public LoopbackFaultInjector? LoopbackFaults { get; set; }

    /// <summary>Clock of the provider stack (retry delays, latency); default the system clock.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}

/// <summary>Where <see cref="ArchonHostOptions.Cache"/> keeps model responses.</summary>
public enum ResponseCacheLocation
{
    /// <summary>No response cache.</summary>
    None,

    /// <summary><c>archon-cache/</c> in the result store (Blob Storage or the local store), shared by restarts and instances.</summary>
    ResultStore,

    /// <summary>A local folder (<see cref="ArchonHostOptions.CacheFolder"/>).</summary>
    Folder,
}
