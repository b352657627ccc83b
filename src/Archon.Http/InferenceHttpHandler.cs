using Archon.Core.Components;
using Archon.Durable.Architectures;
using Archon.Durable.Contracts;
using Archon.Durable.Orchestrations;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace Archon.Http;

/// <summary>
/// POST /api/inference and GET /api/inference/{id}. A plain class: the Functions wrappers and `archon serve` both call it.
/// Input is validated before anything is scheduled, so bad input is a 4xx and never a failed orchestration.
/// </summary>
public sealed class InferenceHttpHandler(
    IArchitectureCatalog catalog, IOptions<ArchonApiOptions> options, ResultLabeler? labeler = null, Archon.Core.Providers.ModelCatalog? models = null,
    ComponentRegistry? registry = null)
{
    private ArchonApiOptions Options => options.Value;

    public async Task<IResult> StartAsync(HttpRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var (wait, waitError) = RequestParsing.WaitSeconds(request, Options.MaxWaitSeconds);
        if (waitError is not null)
        {
            return waitError;
        }

        var (document, error) = await JsonBody.ReadAsync(request, Options.MaxRequestBytes, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        using (document)
        {
            var root = document!.RootElement;
            var (architecture, archError) = await RequestParsing.ArchitectureAsync(root, "architecture", catalog, cancellationToken, registry);
            if (archError is not null)
            {
                return archError;
            }

            var (messages, messagesError) = RequestParsing.Messages(root, Options.MaxMessages);
            if (messagesError is not null)
            {
                return messagesError;
            }

            var (itemId, itemError) = RequestParsing.OptionalString(root, "itemId");
            if (itemError is not null)
            {
                return itemError;
            }

            // Bounded before anything is scheduled: size limits, then planned calls against the per-query budget.
            var (budget, budgetError) = QueryBudgetRequest.Parse(root, Options);
            if ((budgetError ?? QueryBudgetRequest.Check(architecture!, budget!, Options.Limits, "architecture")) is { } rejected)
            {
                return rejected;
            }

            var id = Guid.NewGuid().ToString("N");
            await client.ScheduleNewOrchestrationInstanceAsync(
                nameof(InferenceOrchestration),
                new InferenceRequest(messages!, architecture, null, itemId, budget, QueryBudgetRequest.Prices(architecture!, models)),
                new StartOrchestrationOptions(id),
                cancellationToken);

            if (wait > 0 && await DurableWait.ForCompletionAsync(client, id, TimeSpan.FromSeconds(wait), cancellationToken) is { } done)
            {
                return Results.Ok(InferenceStatusView.From(done, labeler));
            }

            var urls = StatusUrls.For(request, "inference", id);
            return Results.Accepted(urls.StatusQueryGetUri, urls);
        }
    }

    public async Task<IResult> GetAsync(HttpRequest request, string id, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var metadata = string.IsNullOrWhiteSpace(id) ? null : await client.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken);
        if (metadata is null || metadata.Name != nameof(InferenceOrchestration))
        {
            return ApiErrors.NotFound("id", $"no inference has id '{id}'");
        }

        return Results.Ok(InferenceStatusView.From(metadata, labeler));
    }
}
