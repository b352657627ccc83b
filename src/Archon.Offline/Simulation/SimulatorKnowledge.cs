using System.Collections.Concurrent;
using Archon.Core.Evaluation;

namespace Archon.Offline.Simulation;

/// <summary>
/// The only source of answer keys the simulator has: benchmark items explicitly handed to it. Items are found by
/// the <c>archon.item_id</c> call metadata, or — for callers that cannot pass metadata (a plain OpenAI client against
/// <see cref="SimulatorServer"/>) — by the item's first-turn text appearing in the request.
/// </summary>
public sealed class SimulatorKnowledge : IBenchmarkItemSink
{
    private readonly ConcurrentDictionary<string, SimAnswerKey> byId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> byQuestion = new(StringComparer.Ordinal);

    /// <summary>Process-wide knowledge used by the "sim" provider registration.</summary>
    public static SimulatorKnowledge Shared { get; } = new();

    public int Count => byId.Count;

    public void Register(IEnumerable<BenchmarkItem> items)
    {
        foreach (var item in items)
        {
            byId[item.Id] = new SimAnswerKey(item);
            byQuestion[Key(item.Turns[0])] = item.Id;
        }
    }

    public SimAnswerKey? Find(string? itemId, string requestText)
    {
        if (itemId is not null && byId.TryGetValue(itemId, out var key))
        {
            return key;
        }

        foreach (var (question, id) in byQuestion)
        {
            if (requestText.Contains(question, StringComparison.Ordinal))
            {
                return byId[id];
            }
        }

        return null;
    }

    private static string Key(string question) => question.Length > 400 ? question[..400] : question;
}
