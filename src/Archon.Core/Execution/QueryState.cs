namespace Archon.Core.Execution;

/// <summary>
/// Everything that flows from one layer to the next for one query. Immutable: layers return a new state,
/// the user's conversation is never mutated.
/// </summary>
public sealed record QueryState(
    IReadOnlyList<ChatTurn> Conversation,
    IReadOnlyList<Candidate> Candidates,
    IReadOnlyList<string> UnitTests,
    string? ItemId = null)
{
    /// <summary>Failures and fallbacks recorded by the layers so far (see <see cref="ExecutionNote"/>).</summary>
    public IReadOnlyList<ExecutionNote> Notes { get; init; } = [];

    public static QueryState Start(IReadOnlyList<ChatTurn> conversation, string? itemId = null) =>
        new(conversation, [], [], itemId);
}
