using Archon.Core.Storage;
using Archon.Durable;
using Archon.Core.Execution;
using Archon.Offline.Loopback;

namespace Archon.TestSupport;

/// <summary>
/// A model invoker that waits <paramref name="delay"/> and answers with the core's canned responder, stamping real
/// start times and latencies so tests can read concurrency from the stored trace. Optional failure rules.
/// </summary>
public sealed class TimedInvoker(TimeSpan delay, Func<ModelCallRequest, string?>? failWith = null) : IModelInvoker
{
    private readonly Lock _gate = new();
    private int _inFlight;

    public List<ModelCallRequest> Calls { get; } = [];

    public int PeakInFlight { get; private set; }

    /// <summary>Throw this many times (per call id) before answering: simulates activity infrastructure failures.</summary>
    public int ThrowTimesPerCall { get; init; }

    private readonly Dictionary<string, int> _thrown = new(StringComparer.Ordinal);

    public async Task<ModelCallResult> InvokeAsync(ModelCallRequest request, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Calls.Add(request);
            _inFlight++;
            PeakInFlight = Math.Max(PeakInFlight, _inFlight);
        }

        var started = DateTimeOffset.UtcNow;
        try
        {
            lock (_gate)
            {
                var thrown = _thrown.GetValueOrDefault(request.CallId);
                if (thrown < ThrowTimesPerCall)
                {
                    _thrown[request.CallId] = thrown + 1;
                    throw new IOException($"worker lost connection during {request.CallId}");
                }
            }

            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, cancellationToken);
            }

            var latency = (DateTimeOffset.UtcNow - started).TotalMilliseconds;
            if (failWith?.Invoke(request) is { } error)
            {
                return new ModelCallResult(request.CallId, null, 0, 0, 0m, latency, 2, false, error, started);
            }

            return new ModelCallResult(request.CallId, CannedResponder.Respond(request.Messages), 12, 7, 0.002m, latency, 0, false, null, started);
        }
        finally
        {
            lock (_gate)
            {
                _inFlight--;
            }
        }
    }
}
