using Archon.Core.Architecture;
using Archon.Durable.Architectures;
using Archon.Durable.Contracts;
using Microsoft.DurableTask;

namespace Archon.Durable.Activities;

/// <summary>Looks up a registered architecture by name (catalog I/O cannot happen in the orchestrator).</summary>
public sealed class ResolveArchitectureActivity(IArchitectureCatalog catalog) : TaskActivity<string, ArchitectureConfig>
{
    public override Task<ArchitectureConfig> RunAsync(TaskActivityContext context, string input) =>
        ExecuteAsync(input, CancellationToken.None);

    public async Task<ArchitectureConfig> ExecuteAsync(string name, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArchonInputException("architecture: a name or an inline architecture is required");
        }

        return await catalog.FindAsync(name, cancellationToken).ConfigureAwait(false)
            ?? throw new ArchonInputException($"architecture: no registered architecture is named '{name}'");
    }
}
