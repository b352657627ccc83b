using Archon.Core.Storage;
using Archon.Durable;
using Archon.Core.Execution;
using Archon.Offline.Loopback;

namespace Archon.TestSupport;

/// <summary>
/// A hand-written invoker for tests: answers with <see cref="CannedResponder"/> unless a script overrides a call,
/// optionally after a delay, and records every call with its start/end order and the peak number in flight.
/// Public so other test projects can reuse it.
/// </summary>
public sealed class ScriptedInvoker(Func<ModelCallRequest, string?>? script = null, TimeSpan? delay = null) : IModelInvoker
{
    private readonly Lock gate = new();
    private int inFlight;

    public List<ModelCallRequest> Calls { get; } = [];
    public int PeakInFlight { get; private set; }

    /// <summary>Call ids whose calls fail with a provider error.</summary>
    public HashSet<string> FailingCallIds { get; } = [];

    public async Task<ModelCallResult> InvokeAsync(ModelCallRequest request, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            Calls.Add(request);
            inFlight++;
            PeakInFlight = Math.Max(PeakInFlight, inFlight);
        }

        try
        {
            if (delay is { } d)
            {
                await Task.Delay(d, cancellationToken);
            }

            if (FailingCallIds.Contains(request.CallId))
            {
                return new ModelCallResult(request.CallId, null, 10, 0, 0m, 1, 3, false, "HTTP 500 from provider", DateTimeOffset.UnixEpoch);
            }

            var text = script?.Invoke(request) ?? CannedResponder.Respond(request.Messages);
            return new ModelCallResult(request.CallId, text, 10, 5, 0.001m, 1, 0, false, null, DateTimeOffset.UnixEpoch);
        }
        finally
        {
            lock (gate)
            {
                inFlight--;
            }
        }
    }
}
