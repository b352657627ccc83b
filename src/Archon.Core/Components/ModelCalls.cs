using Archon.Core.Execution;
using Archon.Core.Parsing;
using Archon.Core.Prompts;

namespace Archon.Core.Components;

/// <summary>
/// Shared call planning for components: deterministic call ids and batched calls with bounded parse retries.
/// A reply that cannot be parsed is re-asked (the bad reply and the reason are shown to the model) at most
/// <see cref="MaxParseRetries"/> times; every retry is its own traced call and every give-up is an <see cref="ExecutionNote"/>.
/// </summary>
public static class ModelCalls
{
    public const int MaxParseRetries = 2;

    /// <summary>Call id L{layer}.C{component}.{role}.s{sample}[.c{candidate}][.{stage}].</summary>
    public static ModelCallRequest Request(ComponentContext context, int sample, int? candidate, IReadOnlyList<ChatTurn> messages, string? stage = null)
    {
        var c = context.Config;
        var id = $"{context.CallPrefix}.{c.Type}.s{sample}" + (candidate is { } k ? $".c{k}" : "") + (stage is null ? "" : "." + stage);
        return new ModelCallRequest(id, c.Model, messages, c.Temperature, c.MaxTokens, sample, c.Type, context.Layer, context.Input.ItemId)
        {
            PromptPack = context.Prompts.Id,
        };
    }

    /// <summary>One request per <c>samples</c> of the component, all with the same messages (sample index tells them apart).</summary>
    public static IReadOnlyList<ModelCallRequest> PerSample(ComponentContext context, IReadOnlyList<ChatTurn> messages) =>
        Enumerable.Range(0, context.Config.Samples).Select(s => Request(context, s, null, messages)).ToList();

    public static ParseResult<string> NonEmpty(string text) =>
        string.IsNullOrWhiteSpace(text) ? ParseResult<string>.Fail("the reply was empty") : ParseResult<string>.Ok(text.Trim());

    /// <summary>Runs the batch, re-asks unreadable replies (batched again), and records failures as notes.</summary>
    public static async Task<IReadOnlyList<ParsedCall<T>>> RunParsedAsync<T>(
        ComponentContext context,
        IModelCallScheduler scheduler,
        IReadOnlyList<ModelCallRequest> requests,
        Func<string, ParseResult<T>> parse,
        List<ExecutionNote> notes,
        CancellationToken cancellationToken)
    {
        var final = new ParsedCall<T>[requests.Count];
        var pending = Enumerable.Range(0, requests.Count).ToList();
        var current = requests.ToArray();
        for (var attempt = 0; pending.Count > 0; attempt++)
        {
            var batch = pending.Select(i => current[i]).ToList();
            var results = await scheduler.RunAsync(batch, cancellationToken);
            var retry = new List<int>();
            for (var j = 0; j < pending.Count; j++)
            {
                var i = pending[j];
                var result = results[j];
                if (!result.Succeeded)
                {
                    notes.Add(context.Note("call-failed", $"{batch[j].ModelId}: {result.Error ?? "no text returned"}", result.CallId));
                    final[i] = new ParsedCall<T>(batch[j], result, default, false);
                    continue;
                }

                var parsed = parse(result.Text!);
                if (parsed.Succeeded)
                {
                    final[i] = new ParsedCall<T>(batch[j], result, parsed.Value, true);
                    continue;
                }

                final[i] = new ParsedCall<T>(batch[j], result, default, false);
                if (attempt < MaxParseRetries)
                {
                    notes.Add(context.Note("parse-retried", parsed.Error!, result.CallId));
                    current[i] = RetryOf(context, requests[i], batch[j], result.Text!, parsed.Error!, attempt + 1);
                    retry.Add(i);
                }
                else
                {
                    notes.Add(context.Note("parse-failed", $"unreadable after {MaxParseRetries} retries: {parsed.Error}", result.CallId));
                }
            }

            pending = retry;
        }

        return final;
    }

    private static ModelCallRequest RetryOf(ComponentContext context, ModelCallRequest original, ModelCallRequest asked, string reply, string problem, int attempt)
    {
        // The retry shows the unreadable reply and what was wrong: a different prompt, so caches cannot replay the failure.
        var messages = asked.Messages.Concat([new ChatTurn("assistant", reply), new ChatTurn("user", context.Prompts.Render(PromptStages.RetryUser, ("problem", problem)))]).ToList();
        return asked with { CallId = $"{original.CallId}.r{attempt}", Messages = messages };
    }
}
