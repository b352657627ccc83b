using System.Globalization;
using Archon.Core.Execution;

namespace Archon.Durable.Orchestrations;

/// <summary>
/// Keeps earlier answers out of orchestration history. Fusers, rankers and critics quote the candidates they judge, so
/// their prompts repeat answers that history already holds as activity results. <see cref="Compact"/> replaces every
/// verbatim occurrence of an earlier answer (of at least <see cref="MinLength"/> characters) by a reference to the call
/// that produced it; the model-call activity restores the exact prompt from the stored calls (<see cref="Expand"/>), so
/// providers, cache keys and traces see the same text. Pure and deterministic: safe in an orchestrator and on replay.
/// </summary>
public static class PromptReferences
{
    /// <summary>Shorter answers cost less in history than their reference is worth.</summary>
    public const int MinLength = 64;

    private const string Open = "\u27e6archon:call:";
    private const char Close = '\u27e7';

    /// <summary>The request with earlier answers replaced, and the call ids referenced (null when none). A prompt that
    /// already contains the marker is left alone, so user text can never be mistaken for a reference.</summary>
    public static (ModelCallRequest Request, IReadOnlyList<string>? References) Compact(ModelCallRequest request, IReadOnlyDictionary<string, string> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        return Compact(request, Replaceable(answers));
    }

    /// <summary>
    /// The answers <see cref="Compact(ModelCallRequest, IReadOnlyList{KeyValuePair{string, string}})"/> looks for, in the
    /// order it replaces them: long enough, free of the marker, longest first (an answer that contains another is
    /// replaced whole), call id breaking ties deterministically. Compute it once per batch of calls, not per call: a
    /// 1,000-call layer over 1,000 earlier answers would otherwise sort them a thousand times on every replay.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Replaceable(IReadOnlyDictionary<string, string> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        return [.. answers.Where(a => a.Value.Length >= MinLength && !a.Value.Contains(Open, StringComparison.Ordinal))
            .OrderByDescending(a => a.Value.Length).ThenBy(a => a.Key, StringComparer.Ordinal)];
    }

    /// <summary>As <see cref="Compact(ModelCallRequest, IReadOnlyDictionary{string, string})"/>, with the answers already
    /// filtered and ordered by <see cref="Replaceable"/>.</summary>
    public static (ModelCallRequest Request, IReadOnlyList<string>? References) Compact(
        ModelCallRequest request, IReadOnlyList<KeyValuePair<string, string>> candidates) => Compact(request, new AnswerIndex(candidates));

    /// <summary>
    /// As <see cref="Compact(ModelCallRequest, IReadOnlyDictionary{string, string})"/>, with the answers indexed once
    /// (<see cref="AnswerIndex"/>) for a whole batch of calls. Each message is scanned once, left to right; at each
    /// position the longest answer that starts there is replaced (ties: call id order). The references come back in
    /// <see cref="Replaceable"/> order.
    /// </summary>
    public static (ModelCallRequest Request, IReadOnlyList<string>? References) Compact(ModelCallRequest request, AnswerIndex index)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(index);
        if (index.Count == 0 || request.Messages.Any(m => m.Content.Contains(Open, StringComparison.Ordinal)))
        {
            return (request, null);
        }

        var used = new SortedSet<int>();
        var messages = new List<ChatTurn>(request.Messages.Count);
        foreach (var message in request.Messages)
        {
            var content = index.Replace(message.Content, used);
            messages.Add(ReferenceEquals(content, message.Content) ? message : message with { Content = content });
        }

        return used.Count == 0 ? (request, null) : (request with { Messages = messages }, [.. used.Select(index.CallId)]);
    }

    /// <summary>Restores the prompt: each reference becomes the answer <paramref name="answers"/> gives for it.</summary>
    public static ModelCallRequest Expand(ModelCallRequest request, IReadOnlyDictionary<string, string> answers)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(answers);
        var messages = request.Messages.Select(m =>
        {
            var content = m.Content;
            foreach (var (callId, text) in answers)
            {
                content = content.Replace(Token(callId), text, StringComparison.Ordinal);
            }

            return content.Contains(Open, StringComparison.Ordinal)
                ? throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"call {request.CallId}: a referenced answer is missing from the store"))
                : m with { Content = content };
        }).ToList();
        return request with { Messages = messages };
    }

    internal static string Token(string callId) => Open + callId + Close;
}
