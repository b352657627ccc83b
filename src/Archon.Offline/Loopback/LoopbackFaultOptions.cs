using System.Globalization;

namespace Archon.Offline.Loopback;

/// <summary>
/// Fault injection for the loopback model server: each request is faulty with probability <see cref="Rate"/>, the
/// kind drawn uniformly from <see cref="Kinds"/>, both from a generator seeded with <see cref="Seed"/>. Requests
/// draw in arrival order, so a given seed gives the same fault sequence; which concurrent request gets which draw
/// follows arrival. Text form (setting <c>ARCHON_LOOPBACK_FAULTS</c>): <c>rate=0.2,seed=7,kinds=429+500+slow</c>.
/// </summary>
public sealed record LoopbackFaultOptions
{
    public double Rate { get; init; }

    public int Seed { get; init; } = 1;

    public IReadOnlyList<LoopbackFaultKind> Kinds { get; init; } = Enum.GetValues<LoopbackFaultKind>();

    /// <summary>The wait a 429 asks for (sent as whole seconds in Retry-After, rounded up, and exactly in retry-after-ms).</summary>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How late a slow reply arrives; set it past the model's timeout.</summary>
    public TimeSpan SlowDelay { get; init; } = TimeSpan.FromSeconds(120);

    public static LoopbackFaultOptions None { get; } = new();

    /// <summary>Null when valid, else the rule broken.</summary>
    public string? Validate() =>
        Rate is < 0 or > 1 or double.NaN ? $"rate: must be between 0 and 1 (got {Rate.ToString(CultureInfo.InvariantCulture)})"
        : Kinds.Count == 0 ? "kinds: at least one fault kind is required"
        : RetryAfter < TimeSpan.Zero ? "retry_after_ms: must be 0 or more"
        : SlowDelay <= TimeSpan.Zero ? "slow_ms: must be more than 0"
        : null;

    private static readonly Dictionary<string, LoopbackFaultKind> KindNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["429"] = LoopbackFaultKind.RateLimited,
        ["500"] = LoopbackFaultKind.ServerError,
        ["slow"] = LoopbackFaultKind.Slow,
        ["malformed"] = LoopbackFaultKind.MalformedJson,
        ["empty"] = LoopbackFaultKind.EmptyContent,
        ["drop"] = LoopbackFaultKind.DroppedConnection,
    };

    /// <summary>Parses <c>rate=0.2,seed=7,kinds=429+500+slow+malformed+empty+drop,retry_after_ms=20,slow_ms=5000</c>.</summary>
    public static LoopbackFaultOptions Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var options = new LoopbackFaultOptions();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = part.Split('=', 2, StringSplitOptions.TrimEntries);
            var value = pair.Length == 2 ? pair[1] : throw new FormatException($"faults: '{part}' is not key=value");
            options = pair[0].ToLowerInvariant() switch
            {
                "rate" => options with { Rate = Number(pair[0], value) },
                "seed" => options with { Seed = (int)Number(pair[0], value) },
                "retry_after_ms" => options with { RetryAfter = TimeSpan.FromMilliseconds(Number(pair[0], value)) },
                "slow_ms" => options with { SlowDelay = TimeSpan.FromMilliseconds(Number(pair[0], value)) },
                "kinds" => options with { Kinds = [.. value.Split('+').Select(k => KindNames.TryGetValue(k, out var kind) ? kind
                    : throw new FormatException($"faults: kind '{k}' is unknown (valid: {string.Join(", ", KindNames.Keys)})"))] },
                _ => throw new FormatException($"faults: '{pair[0]}' is unknown (valid: rate, seed, kinds, retry_after_ms, slow_ms)"),
            };
        }

        return options.Validate() is { } problem ? throw new FormatException($"faults: {problem}") : options;
    }

    private static double Number(string key, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new FormatException($"faults: {key} '{value}' is not a number");
}
