using Archon.Core.Architecture;
using Archon.Core.Streaming;
using Archon.Durable.Architectures;
using Archon.Durable.Contracts;
using Archon.Durable.Orchestrations;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Archon.Http;

/// <summary>
/// OpenAI-compatible POST /api/v1/chat/completions, GET /api/v1/models and GET /api/v1/models/{id}. <c>model</c> names
/// a registered architecture; the completion runs the inference orchestration; usage is summed over every model call
/// of the architecture. <c>"stream": true</c> answers with server-sent events (<see cref="ChatStream"/>); <c>n</c>
/// runs the architecture n times in one orchestration. Field handling: <see cref="ChatRequestFields"/>.
/// </summary>
public sealed class OpenAiHttpHandler(
    IArchitectureCatalog catalog,
    IOptions<ArchonApiOptions> options,
    TimeProvider time,
    ResultLabeler? labeler = null,
    Archon.Core.Providers.ModelCatalog? models = null,
    IStreamRelay? relay = null,
    ILogger<OpenAiHttpHandler>? logger = null)
{
    /// <summary>The <c>owned_by</c> of every architecture model.</summary>
    public const string Owner = "archon";

    private ArchonApiOptions Options => options.Value;

    public async Task<IResult> ModelsAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var names = await catalog.ListAsync(cancellationToken);
        var list = new List<OpenAiShapes.Model>(names.Count);
        foreach (var name in names)
        {
            list.Add(await DescribeAsync(name, cancellationToken));
        }

        return Results.Json(new OpenAiShapes.ModelList("list", list), OpenAiShapes.Json);
    }

    public async Task<IResult> ModelAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var (_, error) = await RequestParsing.ByNameAsync(id, "model", catalog, cancellationToken);
        return error ?? Results.Json(await DescribeAsync(id, cancellationToken), OpenAiShapes.Json);
    }

    private async Task<OpenAiShapes.Model> DescribeAsync(string name, CancellationToken cancellationToken)
    {
        var created = await catalog.CreatedAsync(name, cancellationToken);
        return new OpenAiShapes.Model(name, "model", created?.ToUnixTimeSeconds() ?? 0, Owner);
    }

    public async Task<IResult> ChatCompletionsAsync(HttpRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (document, error) = await JsonBody.ReadAsync(request, Options.MaxRequestBytes, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        using (document)
        {
            var (chat, parseError) = await ChatRequestParser.ParseAsync(document!.RootElement, Options, catalog, cancellationToken);
            if (parseError is not null)
            {
                return parseError;
            }

            // The server's default per-query budget applies to each choice; a registered architecture too big for it is
            // refused up front.
            if (QueryBudgetRequest.Check(chat!.Architecture, Options.DefaultBudget, Options.Limits, "model") is { } rejected)
            {
                return rejected;
            }

            if (chat.Stream)
            {
                return await StreamAsync(request, chat, client, cancellationToken);
            }

            var id = $"chatcmpl-{Guid.NewGuid():N}";
            await client.ScheduleNewOrchestrationInstanceAsync(nameof(InferenceOrchestration), Input(chat, null), new StartOrchestrationOptions(id), cancellationToken);
            var done = await DurableWait.ForCompletionAsync(client, id, TimeSpan.FromSeconds(Options.ChatCompletionTimeoutSeconds), cancellationToken);
            return Completion(request, chat, id, done);
        }
    }

    private IResult Completion(HttpRequest request, ChatRequest chat, string id, OrchestrationMetadata? done)
    {
        var name = chat.Architecture.Name;
        if (done is null)
        {
            return ApiErrors.Timeout($"the architecture did not finish within {Options.ChatCompletionTimeoutSeconds} s; poll GET /api/inference/{id}");
        }

        if (done.RuntimeStatus != OrchestrationRuntimeStatus.Completed)
        {
            return ApiErrors.Failed("model", $"architecture '{name}' {done.RuntimeStatus.ToString().ToLowerInvariant()}: {done.FailureDetails?.ErrorMessage ?? "no details"}");
        }

        var result = done.ReadOutputAs<InferenceResult>()!;
        var answers = result.ChoiceAnswers;
        if (answers.Any(a => a is null))
        {
            return ApiErrors.Failed("model", $"architecture '{name}' produced no answer: {string.Join("; ", result.Notes)}");
        }

        AddIgnoredHeader(request, chat);
        var usage = new OpenAiShapes.Usage(result.Usage.InputTokens, result.Usage.OutputTokens, result.Usage.InputTokens + result.Usage.OutputTokens);
        var choices = answers.Select((a, i) => new OpenAiShapes.Choice(i, new OpenAiShapes.Message("assistant", a!), "stop")).ToList();
        var label = labeler?.LabelFor(chat.Architecture);
        var completion = new OpenAiShapes.ChatCompletion(
            id, "chat.completion", time.GetUtcNow().ToUnixTimeSeconds(), name, choices, usage, Fingerprint(chat.Architecture), label);
        return Results.Json(completion, OpenAiShapes.Json);
    }

    private async Task<IResult> StreamAsync(HttpRequest request, ChatRequest chat, DurableTaskClient client, CancellationToken cancellationToken)
    {
        if (relay is null)
        {
            return ApiErrors.BadRequest("stream", "this host has no stream relay configured (IStreamRelay); omit stream or set it to false");
        }

        var resume = SseWriter.ParseEventId(request.Headers["Last-Event-ID"].ToString());
        string id;
        long created;
        var choices = chat.Choices;
        if (resume is { } r)
        {
            var existing = await client.GetInstanceAsync(r.CompletionId, getInputsAndOutputs: true, cancellationToken);
            if (existing?.ReadInputAs<InferenceRequest>() is not { StreamId: not null } original)
            {
                return ApiErrors.NotFound("Last-Event-ID", $"no streamed completion '{r.CompletionId}' is known to this deployment");
            }

            (id, created, choices) = (r.CompletionId, existing.CreatedAt.ToUnixTimeSeconds(), original.Choices);
        }
        else
        {
            id = $"chatcmpl-{Guid.NewGuid():N}";
            created = time.GetUtcNow().ToUnixTimeSeconds();
            await client.ScheduleNewOrchestrationInstanceAsync(nameof(InferenceOrchestration), Input(chat, id), new StartOrchestrationOptions(id), cancellationToken);
        }

        return new ChatStream(new StreamContext(
            id, chat.Architecture.Name, created, choices, chat.IncludeUsage, chat.Ignored, resume?.Seq ?? -1, resume is not null,
            Fingerprint(chat.Architecture), client, relay, Options, time, (ILogger?)logger ?? NullLogger.Instance));
    }

    /// <summary>The orchestration input: n choices share one guard, so the per-query budget is scaled by n.</summary>
    private InferenceRequest Input(ChatRequest chat, string? streamId)
    {
        var perQuery = Options.DefaultBudget;
        var n = chat.Choices;
        var budget = n == 1 ? perQuery : perQuery with { MaxCalls = perQuery.MaxCalls * n, MaxCostUsd = perQuery.MaxCostUsd * n };
        return new InferenceRequest(
            chat.Messages, chat.Architecture, Budget: budget, Prices: QueryBudgetRequest.Prices(chat.Architecture, models), StreamId: streamId, Choices: n);
    }

    private static void AddIgnoredHeader(HttpRequest request, ChatRequest chat)
    {
        if (chat.Ignored.Count > 0)
        {
            request.HttpContext.Response.Headers[ChatRequestFields.IgnoredHeader] = string.Join(", ", chat.Ignored);
        }
    }

    private string Fingerprint(ArchitectureConfig architecture) => labeler?.LabelFor(architecture) is null ? "archon" : "archon-SIMULATED";
}
