using System.Diagnostics;
using Archon.Core.Architecture;
using Archon.Core.Evaluation;
using Archon.Core.Execution;

namespace Archon.Core.Search.Execution;

/// <summary>
/// Runs one candidate architecture on one benchmark item with layer-prefix reuse: it looks up the longest prefix of
/// the architecture whose state for this item is cached (key = hash(prefix layers) + item id), starts after it, and
/// caches the state after every layer it computes. Samples are part of the layers (sample index is in each call), so
/// equal prefixes really produce equal states. Model calls go through the invoker's provider stack, whose response cache
/// (keyed by content, not call id) makes "generator m, sample j, item i" one call for every candidate that contains it;
/// calls made are the calls of computed layers that were not cache hits.
/// With a <see cref="QueryBudget"/> every batch is checked against it (reused prefixes count at their cost) before it
/// is sent; the batch that would cross it is not sent and the item is reported over budget. A layer whose calls all
/// fail ends the item with the provider's error. Neither state is cached as a prefix.
/// </summary>
public sealed class CandidateItemRunner(ArchitectureRunner runner, IModelInvoker invoker, ISearchCache cache)
{
    /// <param name="budgetGuard">A fresh guard for this item's per-query budget (null = unlimited).</param>
    public async Task<ItemRun> RunAsync(
        ArchitectureConfig architecture, BenchmarkItem item, CancellationToken cancellationToken, Func<BudgetGuard>? budgetGuard = null)
    {
        var layers = architecture.Layers.Count;
        var start = 0;
        var state = QueryState.Start(item.FirstTurnConversation(), item.Id);
        var totals = UsageTotals.Zero;
        double latency = 0;
        var made = 0;
        var spent = 0m;
        for (var prefix = layers; prefix >= 1; prefix--)
        {
            if (SearchJson.FromBytes<PrefixEntry>(await cache.GetAsync(Key(architecture, prefix, item.Id, runner.Prompts.Id), cancellationToken).ConfigureAwait(false)) is { } entry)
            {
                (start, state, totals, latency) = (prefix, entry.State, entry.Totals, entry.LatencyMs);
                break;
            }
        }

        var guard = budgetGuard?.Invoke();
        guard?.Commit(totals);
        for (var layer = start; layer < layers; layer++)
        {
            IModelCallScheduler scheduler = new InProcessScheduler(invoker);
            var tracing = new TracingScheduler(guard is null ? scheduler : new BudgetScheduler(scheduler, guard));
            var watch = Stopwatch.StartNew();
            try
            {
                state = await runner.RunLayerAsync(architecture, layer, state, tracing, cancellationToken).ConfigureAwait(false);
            }
            catch (BudgetExceededException e)
            {
                var partial = UsageTotals.From(tracing.Trace);
                totals = totals.Add(partial with { CostUsd = partial.FullCostUsd, SavedUsd = 0m, CachedCalls = 0 });
                made += tracing.Trace.Count(t => !t.Result.Cached);
                return new ItemRun(item.Id, null, totals, latency, totals.Calls, made, start, e.Message, OverBudget: true, SpentUsd: spent + partial.CostUsd);
            }

            var layerTotals = UsageTotals.From(tracing.Trace);
            // The architecture's own usage, as if run alone: cache hits count at the cost they would have had.
            totals = totals.Add(layerTotals with { CostUsd = layerTotals.FullCostUsd, SavedUsd = 0m, CachedCalls = 0 });
            made += tracing.Trace.Count(e => !e.Result.Cached);
            spent += layerTotals.CostUsd;
            if (tracing.Trace.Count > 0 && tracing.Trace.All(t => !t.Result.Succeeded))
            {
                var failed = tracing.Trace[0];
                return new ItemRun(item.Id, null, totals, latency, totals.Calls, made, start,
                    $"layer {layer}: all {tracing.Trace.Count} model calls failed; {failed.Request.ModelId}: {failed.Result.Error ?? "no text returned"}",
                    SpentUsd: spent);
            }

            // Layer latency = its slowest call as reported (cached calls keep their original latency).
            latency += tracing.Trace.Count > 0 ? tracing.Trace.Max(e => e.Result.LatencyMs) : watch.Elapsed.TotalMilliseconds;
            await cache.PutAsync(Key(architecture, layer + 1, item.Id, runner.Prompts.Id), SearchJson.ToBytes(new PrefixEntry(state, totals, latency)), cancellationToken).ConfigureAwait(false);
        }

        return new ItemRun(item.Id, ArchitectureRunner.FinalAnswer(state), totals, latency, totals.Calls, made, start, SpentUsd: spent);
    }

    /// <summary>The prompt pack is part of the key: a layer's state depends on the texts its components sent.</summary>
    public static string Key(ArchitectureConfig architecture, int prefixLayers, string itemId, string promptPack) =>
        $"prefix/{promptPack.Replace('@', '_')}/{PrefixKey.For(architecture, prefixLayers)}/{itemId}";
}
