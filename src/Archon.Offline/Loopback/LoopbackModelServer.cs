using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Archon.Offline.Loopback;

/// <summary>
/// A small HTTP server on 127.0.0.1 that speaks the OpenAI chat-completions protocol (POST /v1/chat/completions),
/// the Azure OpenAI deployment route (POST /openai/deployments/{name}/chat/completions?api-version=...) and the Anthropic
/// messages protocol (POST /v1/messages). Replies come from a handler, so the same server serves the latency bench,
/// the offline demo endpoint and fault-injecting tests. Built on HttpListener: Archon.Core takes no ASP.NET dependency.
/// </summary>
public sealed class LoopbackModelServer : IAsyncDisposable
{
    private readonly HttpListener listener;
    private readonly Func<LoopbackExchange, CancellationToken, Task<LoopbackReply>> handler;
    private readonly CancellationTokenSource stopping = new();
    private readonly Task loop;
    private long sequence;

    private LoopbackModelServer(HttpListener listener, Uri baseUri, Func<LoopbackExchange, CancellationToken, Task<LoopbackReply>> handler)
    {
        this.listener = listener;
        this.handler = handler;
        BaseUri = baseUri;
        loop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>http://127.0.0.1:{port}/</summary>
    public Uri BaseUri { get; }

    /// <summary>Base URL for OpenAI-compatible clients (…/v1/).</summary>
    public Uri OpenAIBaseUri => new(BaseUri, "v1/");

    public long RequestCount => Interlocked.Read(ref sequence);

    /// <summary>Starts on a free port with the given reply handler.</summary>
    public static LoopbackModelServer Start(Func<LoopbackExchange, CancellationToken, Task<LoopbackReply>> handler)
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort();
            var listener = new HttpListener();
            var baseUri = new Uri($"http://127.0.0.1:{port}/");
            listener.Prefixes.Add(baseUri.ToString());
            try
            {
                listener.Start();
                return new LoopbackModelServer(listener, baseUri, handler);
            }
            catch (Exception ex) when (attempt < 20 && IsAddressInUse(ex))
            {
                // Another listener (or an outgoing connection's ephemeral port) took the port between probing and
                // binding; on Linux the managed HttpListener reports this as HttpListenerException or SocketException.
                listener.Close();
            }
        }
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

    private static bool IsAddressInUse(Exception ex) => ex switch
    {
        SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } => true,
        HttpListenerException => true,
        _ => ex.InnerException is { } inner && IsAddressInUse(inner),
    };

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task AcceptLoopAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception) when (stopping.IsCancellationRequested || !listener.IsListening)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            var request = context.Request;
            var path = request.Url?.AbsolutePath ?? "/";
            var protocol = path.EndsWith("/messages", StringComparison.Ordinal) ? "anthropic"
                : path.StartsWith("/openai/deployments/", StringComparison.Ordinal) ? "azure-openai"
                : path.EndsWith("/chat/completions", StringComparison.Ordinal) ? "openai"
                : null;
            if (request.HttpMethod != "POST" || protocol is null)
            {
                await WriteAsync(response, 404, "{\"error\":{\"message\":\"unknown route\"}}", new Dictionary<string, string>());
                return;
            }

            using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var (model, messages, temperature, maxTokens) = LoopbackProtocol.DecodeRequest(protocol, body);
            if (protocol == "azure-openai" && model.Length == 0)
            {
                model = path.Split('/')[3];
            }

            var headers = request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => request.Headers[k] ?? "", StringComparer.OrdinalIgnoreCase);
            var exchange = new LoopbackExchange(protocol, request.Url!.PathAndQuery, model, messages, temperature, maxTokens, headers, body);
            var n = Interlocked.Increment(ref sequence);
            var reply = await handler(exchange, stopping.Token);
            if (reply.Delay > TimeSpan.Zero)
            {
                await Task.Delay(reply.Delay, stopping.Token);
            }

            if (reply.DropConnection)
            {
                response.Abort();
                return;
            }

            var text = reply.RawBody ?? LoopbackProtocol.EncodeReply(protocol, model, reply.Text ?? "",
                messages.Sum(m => LoopbackProtocol.RoughTokens(m.Content)), LoopbackProtocol.RoughTokens(reply.Text ?? ""), n);
            await WriteAsync(response, reply.StatusCode, text, reply.Headers);
        }
        catch (Exception)
        {
            // The client went away (timeout test) or the server is stopping: nothing left to answer.
            try
            {
                response.Abort();
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }

    private static async Task WriteAsync(HttpListenerResponse response, int status, string body, IReadOnlyDictionary<string, string> headers)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        response.StatusCode = status;
        response.ContentType = "application/json";
        foreach (var (key, value) in headers)
        {
            response.Headers[key] = value;
        }

        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        // Close alone (no Stop first): the managed HttpListener's Stop already unregisters the endpoint, and a later
        // Close then looks the endpoint up again, re-binding the port; if another listener took it meanwhile, Close
        // throws "Address already in use". Closing a listener that is going away anyway must not fail the caller.
        try
        {
            listener.Close();
        }
        catch (HttpListenerException)
        {
        }
        try
        {
            await loop;
        }
        catch (Exception)
        {
            // The accept loop ends with an exception when the listener closes under it.
        }

        stopping.Dispose();
    }
}
