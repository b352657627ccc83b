using Archon.Core.Storage;
using Archon.Core.Execution;
using Archon.Offline.Loopback;
using Archon.Bench.Latency;

namespace Archon.Bench.Durable;

/// <summary>
/// Zero model latency for the throughput benchmark: answers every call at once with the core's canned responder,
/// so what is measured is the Durable machinery (scheduling, dispatch, replay, result store), not a model.
/// </summary>
public sealed class InstantInvoker : IModelInvoker
{
    private long _calls;

    public long Calls => Interlocked.Read(ref _calls);

    public Task<ModelCallResult> InvokeAsync(ModelCallRequest request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        return Task.FromResult(new ModelCallResult(
            request.CallId, CannedResponder.Respond(request.Messages), 10, 5, 0m, 0, 0, false, null, DateTimeOffset.UnixEpoch));
    }
}
