namespace Archon.Core.Execution;

/// <summary>
/// A candidate answer flowing between layers. Critiques and unit-test verdicts are attached to the candidate
/// they describe, so ranking or filtering can never leave a critique pointing at the wrong answer.
/// </summary>
public sealed record Candidate(
    string Id,
    string Text,
    string Source,
    int Layer,
    string? Critique = null,
    IReadOnlyList<bool>? UnitTestVerdicts = null);
