using Archon.Core.Execution;
using Microsoft.Extensions.Time.Testing;

namespace Archon.Durable.Tests.Search;

/// <summary>
/// Rule-based stand-in models for search tests, as a <see cref="FakeModel"/>: m1 always answers item X with "X-ok",
/// m2 only on even items, m3 never; a fuser answers "X-ok" when any candidate in its prompt has it. m1 costs twice
/// as much. The clock is fake and never advanced, so every call reports the same latency (0 ms).
/// </summary>
internal static class RuleModel
{
    public static FakeModel Create(Func<ModelCallRequest, CancellationToken, Task>? onCall = null) => new(Answer)
    {
        Clock = new FakeTimeProvider(),
        CostOf = r => r.ModelId == "m1" ? 0.002m : 0.001m,
        OnCall = onCall,
    };

    private static string Answer(ModelCallRequest request)
    {
        var item = request.ItemId ?? "";
        var index = int.Parse(item.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);
        var right = request.Role == "generator"
            ? request.ModelId == "m1" || (request.ModelId == "m2" && index % 2 == 0)
            : request.Messages.Any(m => m.Content.Contains(item + "-ok", StringComparison.Ordinal));
        return right ? $"The answer is {item}-ok" : $"The answer is {item}-wrong";
    }
}
