using System.Text.Json;
using Archon.Durable.Architectures;
using Archon.Durable.Contracts;
using Archon.Durable.Orchestrations;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace Archon.Http;

/// <summary>
/// OpenAI-compatible POST /api/v1/chat/completions and GET /api/v1/models. <c>model</c> names a registered
/// architecture; the completion runs the inference orchestration and waits for it; usage is summed over every
/// model call of the architecture. Sampling fields (temperature, max_tokens, ...) are ignored: the architecture
/// decides them per component. Streaming and n &gt; 1 are rejected with a 400 naming the field.
/// </summary>
public sealed class OpenAiHttpHandler(
    IArchitectureCatalog catalog,
    IOptions<ArchonApiOptions> options,
    TimeProvider time,
    ResultLabeler? labeler = null,
    Archon.Core.Providers.ModelCatalog? models = null)
{
    private ArchonApiOptions Options => options.Value;

    public async Task<IResult> ModelsAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var names = await catalog.ListAsync(cancellationToken);
        var models = names.Select(n => new OpenAiShapes.Model(n, "model", 0, "archon")).ToList();
        return Results.Json(new OpenAiShapes.ModelList("list", models), OpenAiShapes.Json);
    }

    public async Task<IResult> ChatCompletionsAsync(HttpRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var (document, error) = await JsonBody.ReadAsync(request, Options.MaxRequestBytes, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        using (document)
        {
            var root = document!.RootElement;
            if (!root.TryGetProperty("model", out var model) || model.ValueKind != JsonValueKind.String)
            {
                return ApiErrors.BadRequest("model", "required: the name of a registered architecture (GET /api/v1/models)");
            }

            if (root.TryGetProperty("stream", out var stream) && stream.ValueKind == JsonValueKind.True)
            {
                return ApiErrors.BadRequest("stream", "streaming is not supported; omit it or set it to false");
            }

            if (root.TryGetProperty("n", out var n) && !(n.ValueKind == JsonValueKind.Number && n.TryGetInt32(out var count) && count == 1) && n.ValueKind != JsonValueKind.Null)
            {
                return ApiErrors.BadRequest("n", "only 1 choice is supported");
            }

            var (architecture, archError) = await RequestParsing.ByNameAsync(model.GetString()!, "model", catalog, cancellationToken);
            if (archError is not null)
            {
                return archError;
            }

            var (messages, messagesError) = RequestParsing.Messages(root, Options.MaxMessages);
            if (messagesError is not null)
            {
                return messagesError;
            }

            // The server's default per-query budget applies; a registered architecture too big for it is refused up front.
            var budget = Options.DefaultBudget;
            if (QueryBudgetRequest.Check(architecture!, budget, Options.Limits, "model") is { } rejected)
            {
                return rejected;
            }

            var id = $"chatcmpl-{Guid.NewGuid():N}";
            var input = new InferenceRequest(messages!, architecture, Budget: budget, Prices: QueryBudgetRequest.Prices(architecture!, models));
            await client.ScheduleNewOrchestrationInstanceAsync(nameof(InferenceOrchestration), input, new StartOrchestrationOptions(id), cancellationToken);
            var done = await DurableWait.ForCompletionAsync(client, id, TimeSpan.FromSeconds(Options.ChatCompletionTimeoutSeconds), cancellationToken);
            if (done is null)
            {
                return ApiErrors.Timeout($"the architecture did not finish within {Options.ChatCompletionTimeoutSeconds} s; poll GET /api/inference/{id}");
            }

            if (done.RuntimeStatus != OrchestrationRuntimeStatus.Completed)
            {
                return ApiErrors.Failed("model", $"architecture '{architecture!.Name}' {done.RuntimeStatus.ToString().ToLowerInvariant()}: {done.FailureDetails?.ErrorMessage ?? "no details"}");
            }

            var result = done.ReadOutputAs<InferenceResult>()!;
            if (result.Answer is null)
            {
                return ApiErrors.Failed("model", $"architecture '{architecture!.Name}' produced no answer: {string.Join("; ", result.Notes)}");
            }

            var usage = new OpenAiShapes.Usage(result.Usage.InputTokens, result.Usage.OutputTokens, result.Usage.InputTokens + result.Usage.OutputTokens);
            var completion = new OpenAiShapes.ChatCompletion(
                id, "chat.completion", time.GetUtcNow().ToUnixTimeSeconds(), architecture!.Name,
                [new OpenAiShapes.Choice(0, new OpenAiShapes.Message("assistant", result.Answer), "stop")],
                usage, labeler?.LabelFor(architecture) is null ? "archon" : "archon-SIMULATED",
                labeler?.LabelFor(architecture));
            return Results.Json(completion, OpenAiShapes.Json);
        }
    }
}
