using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Archon.Offline.Loopback;

/// <summary>
/// Kestrel with nothing around it, for the servers that stand in for the network in tests and benches: 127.0.0.1 on a
/// free port (chosen by the OS at bind time, so no probe-then-bind race), HTTP/1.1, no routing, no logging, no Server
/// header, one handler for every request. Kestrel sets TCP_NODELAY, and it costs a fraction of HttpListener's CPU per
/// request, which matters when a bench drives thousands of calls through it on the same cores as the client.
/// </summary>
public static class BareKestrel
{
    /// <summary>Builds and starts the server; <paramref name="configure"/> may change Kestrel's options (limits).</summary>
    public static WebApplication Start(RequestDelegate handler, Action<KestrelServerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http1);
            k.AddServerHeader = false;
            configure?.Invoke(k);
        });
        var app = builder.Build();
        app.Run(handler);
        // Kestrel binds synchronously inside StartAsync; nothing here awaits I/O, so blocking once at start is safe.
        app.StartAsync().GetAwaiter().GetResult();
        return app;
    }

    /// <summary>http://127.0.0.1:{port}/ of a server <see cref="Start"/> made.</summary>
    public static Uri BaseUri(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.TrimEnd('/') + "/");
    }
}
