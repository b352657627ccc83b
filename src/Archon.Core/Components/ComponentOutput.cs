using Archon.Core.Execution;

namespace Archon.Core.Components;

/// <summary>
/// A component's contribution to its layer. The layer's candidates are the concatenation of its components'
/// <see cref="Candidates"/> in component order; <see cref="UnitTests"/> replaces the unit tests when not null.
/// </summary>
public sealed record ComponentOutput(IReadOnlyList<Candidate> Candidates, IReadOnlyList<ExecutionNote> Notes)
{
    public IReadOnlyList<string>? UnitTests { get; init; }
}
