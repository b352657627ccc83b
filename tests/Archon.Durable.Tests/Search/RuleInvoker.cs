using Archon.Core.Execution;

namespace Archon.Durable.Tests.Search;

/// <summary>
/// Deterministic fake model: generator "m1" always answers item X with "X-ok", "m2" only on even items, "m3" never;
/// a fuser answers "X-ok" when any candidate in its prompt has it. Counts calls per (model, item, sample, role).
/// </summary>
public sealed class RuleInvoker(TimeSpan delay) : IModelInvoker
{
    private int _calls;

    public int Calls => _calls;

    public async Task<ModelCallResult> InvokeAsync(ModelCallRequest request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, cancellationToken);
        }

        var item = request.ItemId ?? "";
        var index = int.Parse(item.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);
        var right = request.Role == "generator"
            ? request.ModelId == "m1" || (request.ModelId == "m2" && index % 2 == 0)
            : request.Messages.Any(m => m.Content.Contains(item + "-ok", StringComparison.Ordinal));
        var text = right ? $"The answer is {item}-ok" : $"The answer is {item}-wrong";
        var cost = request.ModelId == "m1" ? 0.002m : 0.001m;
        return new ModelCallResult(request.CallId, text, 10, 5, cost, 100, 0, false, null, DateTimeOffset.UnixEpoch);
    }
}
