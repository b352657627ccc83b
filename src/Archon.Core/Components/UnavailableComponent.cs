using Archon.Core.Execution;

namespace Archon.Core.Components;

/// <summary>Stands for a type known by name only (validation without the implementation); running it is an error that says so.</summary>
internal sealed class UnavailableComponent(string type) : IArchitectureComponent
{
    public Task<ComponentOutput> RunAsync(ComponentContext context, IModelCallScheduler scheduler, CancellationToken cancellationToken) =>
        throw new InvalidOperationException($"component type \"{type}\" is known by name only; register its implementation to run it");
}
