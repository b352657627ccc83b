using System.Net.Http.Headers;
using Archon.Core.Storage;
using Archon.Offline.Loopback;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Archon.Bench.Serving;

/// <summary>
/// The cheapest HTTP hop .NET offers, as the floor `archon bench serve` compares `archon serve` with: bare Kestrel on
/// loopback (<see cref="BareKestrel"/>, as the loopback model) that copies each request's body
/// to the model with one pooled <see cref="HttpClient"/> and copies the reply's status and body back. It parses
/// nothing and stores nothing, so any serving hop, Archon's included, costs at least this much. On a machine where
/// this floor is far from the direct figures, the distance is the machine's (cores shared by the load generator,
/// the hop and the model), not the hop's. Given a store, it also leaves in it what every served request must leave
/// there (a call entry and a trace, the reply's bytes in each, at the paths Archon uses), so that floor includes the
/// durability the serving hop may not give up.
/// </summary>
public sealed class PassThroughProxy : IAsyncDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private readonly WebApplication app;
    private readonly HttpClient upstream;
    private readonly Uri target;
    private readonly IResultStore? store;
    private long requests;

    private PassThroughProxy(Uri target, IResultStore? store)
    {
        this.target = target;
        this.store = store;
        upstream = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan, UseProxy = false })
        {
            Timeout = TimeSpan.FromMinutes(2),
        };
        app = BareKestrel.Start(ForwardAsync);
        BaseUri = BareKestrel.BaseUri(app);
    }

    /// <summary>http://127.0.0.1:{port}/; a request to {BaseUri}{path} goes to {target}{path}.</summary>
    public Uri BaseUri { get; }

    /// <summary>
    /// Starts on a free port, forwarding every request path under <paramref name="target"/> (for example the model's root);
    /// with <paramref name="store"/>, each reply is stored as a call entry and a trace before it is answered.
    /// </summary>
    public static PassThroughProxy Start(Uri target, IResultStore? store = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        return new PassThroughProxy(target, store);
    }

    private async Task ForwardAsync(HttpContext context)
    {
        var ct = context.RequestAborted;
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, ct).ConfigureAwait(false);
        using var content = new ByteArrayContent(body.GetBuffer(), 0, (int)body.Length);
        content.Headers.ContentType = Json;
        var path = (context.Request.Path.Value ?? "/").TrimStart('/');
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), new Uri(target, path)) { Content = content };
        using var reply = await upstream.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
        var bytes = await reply.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
        if (store is not null)
        {
            var id = $"proxy-{Interlocked.Increment(ref requests)}";
            foreach (var blob in new[] { BlobLayout.CallEntry(id, "L0.C0.generator.s0"), BlobLayout.Trace(id) })
            {
                await store.PutBytesAsync(blob.Container, blob.Name, bytes, "application/json", ct).ConfigureAwait(false);
            }
        }

        context.Response.StatusCode = (int)reply.StatusCode;
        context.Response.ContentType = reply.Content.Headers.ContentType?.ToString() ?? "application/json";
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, ct).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync().ConfigureAwait(false);
        upstream.Dispose();
    }
}
