using Archon.Hosting;
using Archon.Core.Storage;
using Archon.Durable.Orchestrations;
using Archon.Durable;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Archon.LocalHost;

/// <summary>Options of <see cref="EmbeddedDurableHost"/>; the defaults suit a CLI run or a test on a small machine.</summary>
public sealed class EmbeddedDurableHostOptions
{
    /// <summary>Concurrent activity work items (default 512). Activities await model I/O, so this is far above the core count.</summary>
    public int MaxConcurrentActivities { get; set; } = 512;

    /// <summary>Concurrent orchestration episodes (default 128).</summary>
    public int MaxConcurrentOrchestrations { get; set; } = 128;

    /// <summary>Logger factory for the Durable runtime; null = silent.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>
    /// Which orchestrators/activities to register. Default (null): every Archon task, the inference orchestration on the
    /// <c>ArchitectureRunner</c> the host's services provide (AddArchonComponents), else the built-in one.
    /// </summary>
    public Action<DurableTaskRegistry>? ConfigureTasks { get; set; }

    /// <summary>When set, records each orchestration's history size (benches, tests); null (default) = not measured.</summary>
    public OrchestrationHistoryMeter? HistoryMeter { get; set; }

    public void Validate()
    {
        if (MaxConcurrentActivities < 1 || MaxConcurrentOrchestrations < 1)
        {
            throw new ArgumentException("MaxConcurrentActivities and MaxConcurrentOrchestrations: must be at least 1");
        }
    }
}
