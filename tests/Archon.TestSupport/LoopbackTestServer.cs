using Archon.Core.Execution;
using Archon.Core.Storage;
using Archon.Durable;
using System.Collections.Concurrent;
using Archon.Offline.Loopback;

namespace Archon.TestSupport;

/// <summary>
/// A loopback model endpoint for tests: OpenAI chat completions, the Azure OpenAI deployment route and Anthropic
/// messages (via <see cref="LoopbackModelServer"/>), with queued fault injection, a log of received requests and the
/// peak number of requests in flight. Real SDK clients talk to it. Public so other test projects can reuse it.
/// </summary>
public sealed class LoopbackTestServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<Func<LoopbackExchange, LoopbackReply>> faults = new();
    private readonly LoopbackModelServer server;
    private readonly Lock gate = new();
    private readonly TaskCompletionSource inFlightReached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<(int Count, TaskCompletionSource Done)> receivedWaiters = [];
    private int inFlight;

    /// <param name="respond">Text for normal replies; default echoes a canned per-role reply.</param>
    /// <param name="holdUntilInFlight">Barrier instead of a latency: every normal reply waits until this many requests
    /// have been in flight at once (0 = answer at once). Proves overlap without timing: a client that does not send them
    /// together never gets its answers and the test times out.</param>
    public LoopbackTestServer(Func<LoopbackExchange, string>? respond = null, int holdUntilInFlight = 0)
    {
        var reply = respond ?? (e => CannedResponder.Respond(e.Messages));
        server = LoopbackModelServer.Start(async (exchange, ct) =>
        {
            Received.Enqueue(exchange);
            lock (gate)
            {
                foreach (var waiter in receivedWaiters.Where(w => Received.Count >= w.Count).ToList())
                {
                    waiter.Done.TrySetResult();
                    receivedWaiters.Remove(waiter);
                }
            }

            lock (gate)
            {
                inFlight++;
                PeakInFlight = Math.Max(PeakInFlight, inFlight);
                if (inFlight >= holdUntilInFlight)
                {
                    inFlightReached.TrySetResult();
                }
            }

            try
            {
                if (faults.TryDequeue(out var fault))
                {
                    return fault(exchange);
                }

                if (holdUntilInFlight > 0)
                {
                    await inFlightReached.Task.WaitAsync(ct);
                }

                return LoopbackReply.Ok(reply(exchange));
            }
            finally
            {
                lock (gate)
                {
                    inFlight--;
                }
            }
        });
    }

    public Uri BaseUri => server.BaseUri;

    public Uri OpenAIBaseUri => server.OpenAIBaseUri;

    public ConcurrentQueue<LoopbackExchange> Received { get; } = new();

    public int PeakInFlight { get; private set; }

    /// <summary>Completes once <paramref name="count"/> requests have arrived (a barrier, e.g. "the first attempt is here").</summary>
    public Task WhenReceived(int count)
    {
        lock (gate)
        {
            if (Received.Count >= count)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            receivedWaiters.Add((count, done));
            return done.Task;
        }
    }

    /// <summary>The next request gets <paramref name="fault"/> instead of a normal reply (faults queue in order).</summary>
    public LoopbackTestServer Enqueue(Func<LoopbackExchange, LoopbackReply> fault)
    {
        faults.Enqueue(fault);
        return this;
    }

    public ValueTask DisposeAsync() => server.DisposeAsync();
}
