using Archon.Core.Execution;

namespace Archon.Core.Components;

/// <summary>
/// A component type (generator, fuser, ... or a custom one). Implementations must be orchestration-safe: plan
/// <see cref="ModelCallRequest"/>s with deterministic call ids, await only <paramref name="scheduler"/>, and post-process
/// with pure code — no clock, randomness, I/O, Task.Run/Task.Delay or ConfigureAwait(false), because the same code
/// runs inside durable orchestrators.
/// </summary>
public interface IArchitectureComponent
{
    Task<ComponentOutput> RunAsync(ComponentContext context, IModelCallScheduler scheduler, CancellationToken cancellationToken);
}
