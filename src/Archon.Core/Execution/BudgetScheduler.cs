namespace Archon.Core.Execution;

/// <summary>Checks every batch against a <see cref="BudgetGuard"/> before passing it on, then settles actual usage.</summary>
public sealed class BudgetScheduler(IModelCallScheduler inner, BudgetGuard guard) : IModelCallScheduler
{
    public BudgetGuard Guard { get; } = guard;

    public async Task<IReadOnlyList<ModelCallResult>> RunAsync(IReadOnlyList<ModelCallRequest> calls, CancellationToken cancellationToken)
    {
        var reservation = Guard.Reserve(calls);
        var results = await inner.RunAsync(calls, cancellationToken);
        Guard.Settle(reservation, results);
        return results;
    }
}
