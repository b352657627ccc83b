using System.Globalization;
using Archon.Core.Providers;

namespace Archon.Core.Execution;

/// <summary>
/// Keeps one query inside its <see cref="QueryBudget"/>. Before a batch goes out it adds the batch's worst case —
/// counted input tokens, max_tokens as the output bound, their price — to what is already spent or reserved by
/// batches still in flight, and refuses the batch if any limit would be passed. Thread-safe: the components of a
/// layer submit their batches concurrently. A caller that knows typical output lengths (the search, from its
/// preprocessing) may reserve those instead of max_tokens via <paramref name="outputReservation"/>; the settled,
/// measured usage then decides whether the next batch still fits.
/// </summary>
public sealed class BudgetGuard(
    QueryBudget budget,
    Func<string, (decimal InputPerMillion, decimal OutputPerMillion)>? prices = null,
    Func<ModelCallRequest, long>? outputReservation = null)
{
    private readonly Lock gate = new();
    private readonly Func<string, (decimal, decimal)> prices = prices ?? (_ => (0m, 0m));
    private long calls;
    private long inputTokens;
    private long outputTokens;
    private decimal cost;

    public QueryBudget Budget { get; } = budget;

    /// <summary>Prices from a catalog (unknown models count as free, the catalog check reports them elsewhere).</summary>
    public static BudgetGuard ForCatalog(QueryBudget budget, ModelCatalog catalog) =>
        new(budget, id => catalog.TryResolve(id, out var e) ? (e.InputPricePerMillion, e.OutputPricePerMillion) : (0m, 0m));

    /// <summary>Spent plus reserved so far.</summary>
    public (long Calls, long InputTokens, long OutputTokens, decimal CostUsd) Committed
    {
        get
        {
            lock (gate)
            {
                return (calls, inputTokens, outputTokens, cost);
            }
        }
    }

    /// <summary>Reserves the batch's worst case or throws <see cref="BudgetExceededException"/>; returns the reservation.</summary>
    public BudgetReservation Reserve(IReadOnlyList<ModelCallRequest> batch)
    {
        var counted = batch.Select(c => (Call: c, Input: (long)TokenCounter.Count(c.Messages))).ToList();
        var input = counted.Sum(c => c.Input);
        var output = batch.Sum(OutputBound);
        var price = counted.Sum(c => Price(c.Call.ModelId, c.Input, OutputBound(c.Call)));
        var reservation = new BudgetReservation(batch.Count, input, output, price);
        var layer = batch.Count > 0 ? batch[0].Layer.ToString(CultureInfo.InvariantCulture) : "?";
        lock (gate)
        {
            Check("calls", calls, reservation.Calls, Budget.MaxCalls, batch.Count, layer);
            Check("input_tokens", inputTokens, input, Budget.MaxInputTokens, batch.Count, layer);
            Check("output_tokens", outputTokens, output, Budget.MaxOutputTokens, batch.Count, layer);
            if (Budget.MaxCostUsd is { } maxCost && cost + price > maxCost)
            {
                throw new BudgetExceededException("cost_usd", string.Create(CultureInfo.InvariantCulture,
                    $"budget exceeded before dispatching {batch.Count} call(s) of layer {layer}: cost would reach ${cost + price:0.######} (committed ${cost:0.######} + this batch up to ${price:0.######}), over the limit of ${maxCost:0.######}"));
            }

            calls += reservation.Calls;
            inputTokens += input;
            outputTokens += output;
            cost += price;
        }

        return reservation;
    }

    /// <summary>Counts usage spent before this guard took over (e.g. a reused layer prefix) against the budget.</summary>
    public void Commit(UsageTotals spent)
    {
        ArgumentNullException.ThrowIfNull(spent);
        lock (gate)
        {
            calls += spent.Calls;
            inputTokens += spent.InputTokens;
            outputTokens += spent.OutputTokens;
            cost += spent.CostUsd;
        }
    }

    /// <summary>Replaces a reservation by what the calls actually used.</summary>
    public void Settle(BudgetReservation reservation, IReadOnlyList<ModelCallResult> results)
    {
        lock (gate)
        {
            inputTokens += results.Sum(r => (long)r.InputTokens) - reservation.InputTokens;
            outputTokens += results.Sum(r => (long)r.OutputTokens) - reservation.OutputTokens;
            // Budgets limit what is spent: a cache hit reports its would-be cost but spends nothing.
            cost += results.Where(r => !r.Cached).Sum(r => r.CostUsd) - reservation.CostUsd;
        }
    }

    private long OutputBound(ModelCallRequest call) =>
        outputReservation is null ? call.MaxTokens : Math.Clamp(outputReservation(call), 0, call.MaxTokens);

    private decimal Price(string model, long input, long output)
    {
        var (inPrice, outPrice) = prices(model);
        return (input * inPrice + output * outPrice) / 1_000_000m;
    }

    private static void Check(string name, long committed, long batch, long? limit, int count, string layer)
    {
        if (limit is { } max && committed + batch > max)
        {
            throw new BudgetExceededException(name, string.Create(CultureInfo.InvariantCulture,
                $"budget exceeded before dispatching {count} call(s) of layer {layer}: {name} would reach {committed + batch} (committed {committed} + this batch up to {batch}), over the limit of {max}"));
        }
    }
}
