using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Archon.Offline.Loopback;

/// <summary>
/// A small HTTP server on 127.0.0.1 that speaks the OpenAI chat-completions protocol (POST /v1/chat/completions),
/// the Azure OpenAI deployment route (POST /openai/deployments/{name}/chat/completions?api-version=...) and the Anthropic
/// messages protocol (POST /v1/messages). OpenAI-protocol requests with <c>"stream": true</c> get server-sent events
/// (<see cref="LoopbackStreaming"/>). Replies come from a handler, so the same server serves the latency bench,
/// the offline demo endpoint and fault-injecting tests. Built on <see cref="BareKestrel"/>: TCP_NODELAY, so a streamed
/// token is not held back by Nagle.
/// </summary>
public sealed class LoopbackModelServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly Func<LoopbackExchange, CancellationToken, Task<LoopbackReply>> handler;
    private readonly CancellationTokenSource stopping = new();
    private long sequence;

    private LoopbackModelServer(Func<LoopbackExchange, CancellationToken, Task<LoopbackReply>> handler)
    {
        this.handler = handler;
        // Tests post large prompts (1,000 candidates); the bench must not be the one to refuse them.
        app = BareKestrel.Start(HandleAsync, k => k.Limits.MaxRequestBodySize = null);
        BaseUri = BareKestrel.BaseUri(app);
    }

    /// <summary>http://127.0.0.1:{port}/</summary>
    public Uri BaseUri { get; }

    /// <summary>Base URL for OpenAI-compatible clients (…/v1/).</summary>
    public Uri OpenAIBaseUri => new(BaseUri, "v1/");

    public long RequestCount => Interlocked.Read(ref sequence);

    /// <summary>Starts on a free port (chosen by the OS at bind time, so no probe-then-bind race) with the given handler.</summary>
    public static LoopbackModelServer Start(Func<LoopbackExchange, CancellationToken, Task<LoopbackReply>> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return new LoopbackModelServer(handler);
    }

    /// <summary>Starts a server that answers every role with <see cref="CannedResponder"/> after a fixed latency,
    /// with <paramref name="faults"/> (when given) injected in front of it.</summary>
    public static LoopbackModelServer StartCanned(TimeSpan latency, LoopbackFaultInjector? faults = null)
    {
        Func<LoopbackExchange, CancellationToken, Task<LoopbackReply>> canned = async (exchange, ct) =>
        {
            if (latency > TimeSpan.Zero)
            {
                await Task.Delay(latency, ct);
            }

            return LoopbackReply.Ok(CannedResponder.Respond(exchange.Messages));
        };
        return Start(faults is null ? canned : faults.Wrap(canned));
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token, context.RequestAborted);
        var ct = linked.Token;
        try
        {
            var path = request.Path.Value ?? "/";
            var protocol = path.EndsWith("/messages", StringComparison.Ordinal) ? "anthropic"
                : path.StartsWith("/openai/deployments/", StringComparison.Ordinal) ? "azure-openai"
                : path.EndsWith("/chat/completions", StringComparison.Ordinal) ? "openai"
                : null;
            if (!HttpMethods.IsPost(request.Method) || protocol is null)
            {
                await WriteAsync(response, 404, "{\"error\":{\"message\":\"unknown route\"}}", new Dictionary<string, string>(), ct);
                return;
            }

            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync(ct);
            var (model, messages, temperature, maxTokens) = LoopbackProtocol.DecodeRequest(protocol, body);
            if (protocol == "azure-openai" && model.Length == 0)
            {
                model = path.Split('/')[3];
            }

            var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            var route = path + request.QueryString.Value;
            var exchange = new LoopbackExchange(protocol, route, model, messages, temperature, maxTokens, headers, body);
            var n = Interlocked.Increment(ref sequence);
            var reply = await handler(exchange, stopping.Token);
            if (reply.Delay > TimeSpan.Zero)
            {
                await Task.Delay(reply.Delay, ct);
            }

            if (reply.DropConnection)
            {
                context.Abort();
                return;
            }

            if (reply.RawBody is null && reply.StatusCode == 200 && LoopbackStreaming.Requested(protocol, body, out var includeUsage))
            {
                await LoopbackStreaming.WriteAsync(response, model, reply, messages.Sum(m => LoopbackProtocol.RoughTokens(m.Content)), includeUsage, n, ct);
                return;
            }

            var text = reply.RawBody ?? LoopbackProtocol.EncodeReply(protocol, model, reply.Text ?? "",
                messages.Sum(m => LoopbackProtocol.RoughTokens(m.Content)), LoopbackProtocol.RoughTokens(reply.Text ?? ""), n);
            await WriteAsync(response, reply.StatusCode, text, reply.Headers, ct);
        }
        catch (Exception)
        {
            // The client went away (timeout test), the server is stopping or a test handler threw: the connection is cut,
            // which is what a client sees of a provider that dies mid-request.
            context.Abort();
        }
    }

    private static async Task WriteAsync(HttpResponse response, int status, string body, IReadOnlyDictionary<string, string> headers, CancellationToken ct)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        response.StatusCode = status;
        response.ContentType = "application/json";
        foreach (var (key, value) in headers)
        {
            response.Headers[key] = value;
        }

        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes, ct);
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await app.StopAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // Connections still open after 5 s (a client that never read its reply) are cut by the dispose below.
        }

        await app.DisposeAsync();
        stopping.Dispose();
    }
}
