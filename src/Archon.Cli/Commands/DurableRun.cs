using Archon.Core.Architecture;
using Archon.Core.Execution;
using Archon.Core.Providers;
using Archon.Durable.Architectures;
using Archon.Durable.Contracts;
using Archon.LocalHost;
using Archon.Durable.Orchestrations;
using Archon.Core.Storage;
using Archon.Hosting.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Archon.Cli.Commands;

/// <summary>
/// `archon run --host durable`: one inference orchestration in the embedded Durable host (one model-call activity per
/// call, trace saved to the local store). Budgets are enforced inside the orchestration with the catalog's prices.
/// </summary>
internal static class DurableRun
{
    public static async Task<(PipelineResult? Result, string? Error)> RunAsync(
        ArchitectureConfig architecture, string prompt, IModelInvoker invoker, ModelCatalog catalog, QueryBudget budget, string storeRoot, TextWriter log,
        CancellationToken cancellationToken, ArchitectureRunner? runner = null)
    {
        var store = new FileResultStore(storeRoot);
        await using var host = await EmbeddedDurableHost.StartAsync(services =>
        {
            services.AddSingleton(invoker);
            services.AddSingleton<IResultStore>(store);
            services.AddSingleton<IArchitectureCatalog>(new InMemoryArchitectureCatalog([architecture]));
            // The orchestration is activated with this runner: --components types and the --prompts pack.
            services.AddSingleton(runner ?? new ArchitectureRunner());
        }, cancellationToken: cancellationToken);

        var limited = budget.MaxCalls is not null || budget.MaxInputTokens is not null || budget.MaxOutputTokens is not null || budget.MaxCostUsd is not null;
        var prices = architecture.ModelIds()
            .ToDictionary(m => m, m => catalog.TryResolve(m, out var e) ? new ModelPrice(e.InputPricePerMillion, e.OutputPricePerMillion) : new ModelPrice(0m, 0m));
        var request = new InferenceRequest([new ChatTurn("user", prompt)], architecture, Budget: limited ? budget : null, Prices: limited ? prices : null);
        var id = $"run-{Guid.NewGuid():N}";
        var outcome = await DurableInference.RunAsync(host.Client, store, request, id, cancellationToken);
        if (outcome.Result is null)
        {
            return (null, outcome.BudgetExceeded ? $"budget: {outcome.Error}" : $"run failed: {outcome.Error}");
        }

        log.WriteLine($"trace: {Path.Combine(store.Location, outcome.Trace!.Container, outcome.Trace.Name)}");
        return (outcome.Result, null);
    }
}
