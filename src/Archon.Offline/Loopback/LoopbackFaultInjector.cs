using System.Globalization;

namespace Archon.Offline.Loopback;

/// <summary>
/// Wraps a loopback reply handler and turns a seeded share of the requests into provider faults
/// (<see cref="LoopbackFaultKind"/>), counting what it injected. Thread-safe.
/// </summary>
public sealed class LoopbackFaultInjector
{
    private readonly Lock _gate = new();
    private readonly Random _random;
    private readonly Dictionary<LoopbackFaultKind, int> _injected = [];
    private long _requests;

    public LoopbackFaultInjector(LoopbackFaultOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Validate() is { } problem)
        {
            throw new ArgumentException($"faults: {problem}", nameof(options));
        }

        Options = options;
        // Seeded on purpose: fault runs must be reproducible. Not used for anything security-related.
#pragma warning disable CA5394
        _random = new Random(options.Seed);
#pragma warning restore CA5394
    }

    private const string EmptyAnthropic =
        "{\"id\":\"msg_e\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"m\",\"content\":[],\"stop_reason\":\"end_turn\","
        + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":1,\"output_tokens\":0}}";

    private const string EmptyOpenAi =
        "{\"id\":\"chatcmpl-e\",\"object\":\"chat.completion\",\"created\":0,\"model\":\"m\",\"choices\":[],\"usage\""
        + ":{\"prompt_tokens\":1,\"completion_tokens\":0,\"total_tokens\":1}}";

    public LoopbackFaultOptions Options { get; }

    /// <summary>When false, every request is answered normally (a fault-free reference run on the same server).</summary>
    public bool Enabled { get; set; } = true;

    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Faults injected so far, by kind.</summary>
    public IReadOnlyDictionary<LoopbackFaultKind, int> Injected
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<LoopbackFaultKind, int>(_injected);
            }
        }
    }

    public int InjectedTotal => Injected.Values.Sum();

    /// <summary>The handler with faults in front of it.</summary>
    public Func<LoopbackExchange, CancellationToken, Task<LoopbackReply>> Wrap(Func<LoopbackExchange, CancellationToken, Task<LoopbackReply>> inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        return async (exchange, ct) =>
        {
            Interlocked.Increment(ref _requests);
            return Draw() is { } kind ? await FaultAsync(kind, exchange, inner, ct).ConfigureAwait(false) : await inner(exchange, ct).ConfigureAwait(false);
        };
    }

    private LoopbackFaultKind? Draw()
    {
        if (!Enabled || Options.Rate <= 0)
        {
            return null;
        }

        lock (_gate)
        {
#pragma warning disable CA5394
            if (_random.NextDouble() >= Options.Rate)
            {
                return null;
            }

            var kind = Options.Kinds[_random.Next(Options.Kinds.Count)];
#pragma warning restore CA5394
            _injected[kind] = _injected.GetValueOrDefault(kind) + 1;
            return kind;
        }
    }

    private async Task<LoopbackReply> FaultAsync(
        LoopbackFaultKind kind, LoopbackExchange exchange, Func<LoopbackExchange, CancellationToken, Task<LoopbackReply>> inner, CancellationToken ct)
    {
        var anthropic = exchange.Protocol == "anthropic";
        switch (kind)
        {
            case LoopbackFaultKind.RateLimited:
                var seconds = Math.Ceiling(Options.RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                var millis = Options.RetryAfter.TotalMilliseconds.ToString(CultureInfo.InvariantCulture);
                return LoopbackReply.Raw(429, anthropic
                        ? """{"type":"error","error":{"type":"rate_limit_error","message":"injected fault: rate limited"}}"""
                        : """{"error":{"message":"injected fault: rate limited","type":"rate_limit_error"}}""",
                    new Dictionary<string, string> { ["Retry-After"] = seconds, ["retry-after-ms"] = millis });
            case LoopbackFaultKind.ServerError:
                return LoopbackReply.Raw(500, anthropic
                    ? """{"type":"error","error":{"type":"api_error","message":"injected fault: internal error"}}"""
                    : """{"error":{"message":"injected fault: internal error","type":"server_error"}}""");
            case LoopbackFaultKind.Slow:
                return await inner(exchange, ct).ConfigureAwait(false) with { Delay = Options.SlowDelay };
            case LoopbackFaultKind.MalformedJson:
                return LoopbackReply.Raw(200, """{"id":"x","choices":[{"message":""");
            case LoopbackFaultKind.EmptyContent:
                return LoopbackReply.Raw(200, anthropic
                    ? EmptyAnthropic
                    : EmptyOpenAi);
            default:
                return LoopbackReply.Dropped();
        }
    }
}
