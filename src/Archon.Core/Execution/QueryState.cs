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
    public static QueryState Start(IReadOnlyList<ChatTurn> conversation, string? itemId = null) =>
        new(conversation, [], [], itemId);
}
