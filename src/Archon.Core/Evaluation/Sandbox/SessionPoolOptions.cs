namespace Archon.Core.Evaluation.Sandbox;

/// <summary>
/// Azure Container Apps dynamic sessions (Python code-interpreter pool). <see cref="Endpoint"/> is the pool's
/// management endpoint (<c>https://REGION.dynamicsessions.io/subscriptions/…/sessionPools/NAME</c>, the Bicep output
/// <c>AZURE_SESSION_POOL_ENDPOINT</c>, app setting <c>ArchonSandbox__SessionPool__Endpoint</c>).
/// </summary>
public sealed record SessionPoolOptions
{
    public const string DefaultScope = "https://dynamicsessions.io/.default";

    public Uri? Endpoint { get; init; }

    /// <summary>Data-plane api-version: <c>POST {Endpoint}/executions?api-version=…&amp;identifier=…</c>.</summary>
    public string ApiVersion { get; init; } = "2024-10-02-preview";

    /// <summary>Entra token scope (audience <c>https://dynamicsessions.io</c>).</summary>
    public string TokenScope { get; init; } = DefaultScope;

    /// <summary>Concurrent evaluations against the pool (each uses two sessions: candidate and checker).</summary>
    public int MaxParallel { get; init; } = 8;

    /// <summary>Per-request HTTP timeout (the service caps one execution at 220 s).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

    public IReadOnlyList<string> Problems()
    {
        var p = new List<string>();
        if (Endpoint is null) { p.Add("ArchonSandbox:SessionPool:Endpoint is required when Kind is SessionPool (the pool's management endpoint)."); }
        else if (!Endpoint.IsAbsoluteUri || (Endpoint.Scheme != Uri.UriSchemeHttps && !Endpoint.IsLoopback))
        {
            p.Add($"ArchonSandbox:SessionPool:Endpoint must be an absolute https URL (got '{Endpoint}').");
        }

        if (string.IsNullOrWhiteSpace(ApiVersion)) { p.Add("ArchonSandbox:SessionPool:ApiVersion must not be empty."); }
        if (string.IsNullOrWhiteSpace(TokenScope)) { p.Add("ArchonSandbox:SessionPool:TokenScope must not be empty."); }
        if (MaxParallel is < 1 or > 600) { p.Add("ArchonSandbox:SessionPool:MaxParallel must be in [1, 600]."); }
        if (RequestTimeout <= TimeSpan.Zero || RequestTimeout > TimeSpan.FromSeconds(240)) { p.Add("ArchonSandbox:SessionPool:RequestTimeout must be in (0, 240 s]."); }
        return p;
    }
}
