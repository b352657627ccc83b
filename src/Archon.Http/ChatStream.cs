using System.Text.Json;
using System.Text.RegularExpressions;
using Archon.Core.Streaming;
using Archon.Durable.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;

namespace Archon.Http;

/// <summary>
/// A streamed chat completion (<c>"stream": true</c>) in OpenAI's SSE format, over a running inference orchestration:
/// a role chunk, the final stage's tokens as the relay delivers them (or the answer in word chunks once known),
/// a finish chunk per choice, the usage chunk (<c>stream_options.include_usage</c>, summed over every model call),
/// then <c>data: [DONE]</c>. While earlier layers run, progress goes out as SSE comments
/// (<c>: archon {"layer":1,...}</c>) and keep-alive comments. Failures become an OpenAI-shaped error event.
/// A disconnect hands over to <see cref="DisconnectWatch"/>.
/// </summary>
internal sealed class ChatStream(StreamContext context) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var ct = httpContext.RequestAborted;
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        if (context.Ignored.Count > 0)
        {
            response.Headers[ChatRequestFields.IgnoredHeader] = string.Join(", ", context.Ignored);
        }

        httpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpResponseBodyFeature>()?.DisableBuffering();
        var sse = new SseWriter(response, context.Id, context.SkipThrough, context.Time);
        var relayIndex = 0;
        try
        {
            if (context.Resumed)
            {
                await context.Relay.AppendAsync(context.Id, [new StreamEvent(StreamEventKinds.Attach)], ct);
            }

            for (var i = 0; i < context.Choices; i++)
            {
                await sse.DataAsync(Chunk(i, new OpenAiShapes.Delta("assistant", ""), null), ct);
            }

            var shaper = new StreamShaper();
            var poll = TimeSpan.FromMilliseconds(context.Options.StreamStatusPollMilliseconds);
            var keepAlive = TimeSpan.FromSeconds(context.Options.StreamKeepAliveSeconds);
            string? lastProgress = null;
            OrchestrationMetadata? done = null;
            var lastPoll = DateTimeOffset.MinValue;
            while (done is null)
            {
                var events = await context.Relay.ReadAsync(context.Id, relayIndex, poll, ct);
                relayIndex += events.Count;
                await ForwardAsync(events, shaper, sse, ct);
                // Tokens are forwarded as they come; the orchestration is asked at most once per poll interval
                // (and right after the streamed call ended, to finish without waiting).
                var now = context.Time.GetUtcNow();
                if (now - lastPoll < poll && !events.Any(e => e.Kind == StreamEventKinds.End))
                {
                    continue;
                }

                lastPoll = now;
                var meta = await context.Client.GetInstanceAsync(context.Id, getInputsAndOutputs: true, ct);
                if (meta is null || meta.IsCompleted)
                {
                    done = meta;
                    break;
                }

                // Progress in the same snake_case as the OpenAI wire objects around it.
                var progress = meta.SerializedCustomStatus is null ? null
                    : JsonSerializer.Serialize(meta.ReadCustomStatusAs<InferenceProgress>(), OpenAiShapes.Json);
                if (progress is not null && progress != lastProgress)
                {
                    lastProgress = progress;
                    await sse.CommentAsync($"archon {progress}", ct);
                }
                else if (context.Time.GetUtcNow() - sse.LastWrite >= keepAlive)
                {
                    await sse.CommentAsync("keep-alive", ct);
                }
            }

            // Tokens written just before the orchestration finished.
            var tail = await context.Relay.ReadAsync(context.Id, relayIndex, TimeSpan.Zero, ct);
            relayIndex += tail.Count;
            await ForwardAsync(tail, shaper, sse, ct);
            await FinishAsync(done, shaper, sse, ct);
        }
        catch (Exception e) when (ct.IsCancellationRequested || e is OperationCanceledException or IOException)
        {
            // The client left (a failed write means the same). It may come back with Last-Event-ID; if not, its
            // remaining model calls are cancelled. A gRPC call cut by the abort surfaces as RpcException: hence the
            // broad catch, filtered on the request being aborted.
            var error = e.GetType().Name;
            StreamLog.Disconnected(context.Logger, context.Id, error);
            DisconnectWatch.Start(context);
        }
    }

    private async Task ForwardAsync(IReadOnlyList<StreamEvent> events, StreamShaper shaper, SseWriter sse, CancellationToken ct)
    {
        if (context.Choices != 1)
        {
            return;
        }

        foreach (var e in events)
        {
            if (shaper.Apply(e) is { Length: > 0 } text)
            {
                await sse.DataAsync(Chunk(0, new OpenAiShapes.Delta(Content: text), null), ct);
            }
        }
    }

    private async Task FinishAsync(OrchestrationMetadata? done, StreamShaper shaper, SseWriter sse, CancellationToken ct)
    {
        if (done is null || done.RuntimeStatus != OrchestrationRuntimeStatus.Completed)
        {
            var status = done?.RuntimeStatus.ToString().ToLowerInvariant() ?? "missing";
            await ErrorAsync(sse, $"architecture '{context.Model}' {status}: {done?.FailureDetails?.ErrorMessage ?? "no details"}", ct);
            return;
        }

        var result = done.ReadOutputAs<InferenceResult>()!;
        if (result.Cancelled)
        {
            await ErrorAsync(sse, $"the run was cancelled after the client disconnected: {string.Join("; ", result.Notes)}", ct);
            return;
        }

        var answers = result.ChoiceAnswers;
        for (var i = 0; i < answers.Count; i++)
        {
            if (answers[i] is not { } answer)
            {
                await ErrorAsync(sse, $"architecture '{context.Model}' produced no answer{(answers.Count > 1 ? $" for choice {i}" : "")}: {string.Join("; ", result.Notes)}", ct);
                return;
            }

            var rest = answers.Count == 1 ? shaper.Remainder(answer) : answer;
            if (rest is null)
            {
                await ErrorAsync(sse, $"the final stage was retried after tokens were sent and its new reply differs; the answer is at GET /api/inference/{context.Id}", ct);
                return;
            }

            foreach (Match piece in Regex.Matches(rest, @"\S+\s*|\s+"))
            {
                await sse.DataAsync(Chunk(i, new OpenAiShapes.Delta(Content: piece.Value), null), ct);
            }
        }

        for (var i = 0; i < answers.Count; i++)
        {
            await sse.DataAsync(Chunk(i, new OpenAiShapes.Delta(), "stop"), ct);
        }

        if (context.IncludeUsage)
        {
            var u = result.Usage;
            await sse.DataAsync(new OpenAiShapes.Chunk(context.Id, "chat.completion.chunk", context.Created, context.Model, [],
                new OpenAiShapes.Usage(u.InputTokens, u.OutputTokens, u.InputTokens + u.OutputTokens), context.Fingerprint), ct);
        }

        await sse.DoneAsync(ct);
    }

    private static async Task ErrorAsync(SseWriter sse, string message, CancellationToken ct)
    {
        await sse.DataAsync(new ApiErrors.ApiErrorBody(new ApiErrors.ApiError($"model: {message}", "upstream_error", "model", "upstream_error")), ct);
        await sse.DoneAsync(ct);
    }

    private OpenAiShapes.Chunk Chunk(int index, OpenAiShapes.Delta delta, string? finish) =>
        new(context.Id, "chat.completion.chunk", context.Created, context.Model, [new OpenAiShapes.ChunkChoice(index, delta, finish)], null, context.Fingerprint);
}
