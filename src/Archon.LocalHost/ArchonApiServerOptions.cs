using Archon.Hosting;
using Archon.Core.Storage;
using Archon.Durable.Orchestrations;
using Archon.Durable;
using System.Net;
using Archon.Http;
using Microsoft.Extensions.Logging;

namespace Archon.LocalHost;

/// <summary>Options of <see cref="ArchonApiServer"/>. Defaults: 127.0.0.1, a free port, no key, default API limits.</summary>
public sealed class ArchonApiServerOptions
{
    public IPAddress BindAddress { get; set; } = IPAddress.Loopback;

    /// <summary>0 = any free port.</summary>
    public int Port { get; set; }

    /// <summary>When set, every request must carry it (x-functions-key, ?code= or Bearer).</summary>
    public string? ApiKey { get; set; }

    public ArchonApiOptions Api { get; set; } = new();

    public EmbeddedDurableHostOptions Durable { get; set; } = new();

    /// <summary>
    /// How inference requests run (default <see cref="ServeInference.Inline"/>). A host whose Durable tasks are replaced
    /// (<see cref="EmbeddedDurableHostOptions.ConfigureTasks"/>, tests) always runs them through Durable.
    /// </summary>
    public ServeInference Inference { get; set; } = ServeInference.Inline;

    public ILoggerFactory? LoggerFactory { get; set; }

    public string? Validate() =>
        Port is < 0 or > 65535 ? "port: must be 0-65535"
        : !IPAddress.IsLoopback(BindAddress) && string.IsNullOrEmpty(ApiKey) ? "bind: a non-loopback address requires an API key (--api-key or ARCHON_API_KEY)"
        : Api.Validate();
}
