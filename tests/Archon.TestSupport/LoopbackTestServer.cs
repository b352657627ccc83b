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
    private int inFlight;

    /// <param name="respond">Text for normal replies; default echoes a canned per-role reply.</param>
    /// <param name="latency">Delay before every normal reply.</param>
    public LoopbackTestServer(Func<LoopbackExchange, string>? respond = null, TimeSpan? latency = null)
    {
        var reply = respond ?? (e => CannedResponder.Respond(e.Messages));
        server = LoopbackModelServer.Start(async (exchange, ct) =>
        {
            Received.Enqueue(exchange);
            lock (gate)
            {
                inFlight++;
                PeakInFlight = Math.Max(PeakInFlight, inFlight);
            }

            try
            {
                if (faults.TryDequeue(out var fault))
                {
                    return fault(exchange);
                }

                if (latency is { } l)
                {
                    await Task.Delay(l, ct);
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

    /// <summary>The next request gets <paramref name="fault"/> instead of a normal reply (faults queue in order).</summary>
    public LoopbackTestServer Enqueue(Func<LoopbackExchange, LoopbackReply> fault)
    {
        faults.Enqueue(fault);
        return this;
    }

    public ValueTask DisposeAsync() => server.DisposeAsync();
}
