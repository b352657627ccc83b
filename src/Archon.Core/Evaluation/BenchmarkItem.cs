using Archon.Core.Execution;

namespace Archon.Core.Evaluation;

/// <summary>
/// One benchmark item. <see cref="Turns"/> are the user turns (MT-Bench has two; most have one).
/// <see cref="Reference"/> is the gold answer / canonical solution / baseline output, by family.
/// </summary>
public sealed record BenchmarkItem
{
    public required string Id { get; init; }
    public required string Benchmark { get; init; }
    /// <summary>Task family: math, code, chat (judge-scored), builtin-math, builtin-code.</summary>
    public required string Family { get; init; }
    public required IReadOnlyList<string> Turns { get; init; }
    public string? Reference { get; init; }
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    /// <summary>The first-turn conversation a pipeline starts from.</summary>
    public IReadOnlyList<ChatTurn> FirstTurnConversation() => [new ChatTurn("user", Turns[0])];
}
