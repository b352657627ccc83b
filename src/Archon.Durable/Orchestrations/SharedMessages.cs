using System.Globalization;
using Archon.Core.Execution;
using Archon.Durable.Contracts;

namespace Archon.Durable.Orchestrations;

/// <summary>
/// Keeps a batch's repeated messages out of orchestration history once per call. The calls of one batch mostly share
/// whole messages (1,000 samples send one conversation; 1,000 evaluations share the system text and the query with its
/// tests), and a batch's input is serialized into history and again on every replay. <see cref="Share"/> moves each
/// message text that two or more calls of the batch send (and that is at least <see cref="MinLength"/> characters) to
/// <see cref="ModelCallBatchWork.Shared"/> and leaves a marker in its place; the batch activity puts the texts back
/// (<see cref="Restore"/>) before any call runs, so providers, cache keys and traces see the same messages. Pure and
/// deterministic; a batch in which any message already starts with a marker is left alone.
/// </summary>
public static class SharedMessages
{
    /// <summary>Shorter texts cost less in history than their marker is worth.</summary>
    public const int MinLength = 64;

    private const string Open = "\u27e6archon:shared:";
    private const char Close = '\u27e7';
    private const string AnyMarker = "\u27e6archon:";

    /// <summary>The batch with its shared texts moved to <see cref="ModelCallBatchWork.Shared"/> (unchanged when none).</summary>
    public static ModelCallBatchWork Share(ModelCallBatchWork batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var message in batch.Calls.SelectMany(c => c.Request.Messages))
        {
            if (message.Content.StartsWith(AnyMarker, StringComparison.Ordinal))
            {
                return batch;
            }

            if (message.Content.Length >= MinLength)
            {
                counts[message.Content] = counts.GetValueOrDefault(message.Content) + 1;
            }
        }

        var shared = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var calls = batch.Calls.Select(call =>
        {
            var messages = call.Request.Messages.Select(m =>
            {
                if (counts.GetValueOrDefault(m.Content) < 2)
                {
                    return m;
                }

                if (!index.TryGetValue(m.Content, out var i))
                {
                    index[m.Content] = i = shared.Count;
                    shared.Add(m.Content);
                }

                return m with { Content = Marker(i) };
            }).ToList();
            return call with { Request = call.Request with { Messages = messages } };
        }).ToList();
        return shared.Count == 0 ? batch : batch with { Calls = calls, Shared = shared };
    }

    /// <summary>The batch's calls with every shared text back in place.</summary>
    public static IReadOnlyList<ModelCallWork> Restore(ModelCallBatchWork batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Shared is not { Count: > 0 } shared)
        {
            return batch.Calls;
        }

        var byMarker = shared.Select((text, i) => (Marker(i), text)).ToDictionary(p => p.Item1, p => p.text, StringComparer.Ordinal);
        return [.. batch.Calls.Select(call => call with
        {
            Request = call.Request with
            {
                Messages = [.. call.Request.Messages.Select(m => byMarker.TryGetValue(m.Content, out var text) ? m with { Content = text } : m)],
            },
        })];
    }

    private static string Marker(int index) => Open + index.ToString(CultureInfo.InvariantCulture) + Close;
}
