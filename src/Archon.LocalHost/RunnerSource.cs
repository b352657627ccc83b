using Archon.Core.Execution;
using Microsoft.Extensions.DependencyInjection;

namespace Archon.LocalHost;

/// <summary>
/// The host's <see cref="ArchitectureRunner"/> for orchestrator factories: tasks are registered before the service
/// provider exists, and orchestrations only run after it does.
/// </summary>
internal sealed class RunnerSource
{
    private static readonly ArchitectureRunner BuiltIn = new();

    public IServiceProvider? Services { get; set; }

    public ArchitectureRunner Get() => Services?.GetService<ArchitectureRunner>() ?? BuiltIn;
}
