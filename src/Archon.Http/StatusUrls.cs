using Microsoft.AspNetCore.Http;

namespace Archon.Http;

/// <summary>URLs handed back with a 202, built from the incoming request so they work behind any host name.</summary>
public sealed record StatusUrls(string Id, string StatusQueryGetUri)
{
    /// <summary>The route prefix both hosts use (Functions' default, mirrored by `archon serve`).</summary>
    public const string RoutePrefix = "/api";

    public static StatusUrls For(HttpRequest request, string resource, string id)
    {
        var url = $"{request.Scheme}://{request.Host}{request.PathBase}{RoutePrefix}/{resource}/{Uri.EscapeDataString(id)}";
        // Function-level auth: keep the caller's key on the status link so polling works as-is.
        if (request.Query.TryGetValue("code", out var code) && code.Count > 0)
        {
            url += $"?code={Uri.EscapeDataString(code.ToString())}";
        }

        return new StatusUrls(id, url);
    }
}
