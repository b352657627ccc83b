using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Archon.Http;

/// <summary>
/// Function-level key check for `archon serve`, mirroring Azure Functions: the key may come as the
/// <c>x-functions-key</c> header, the <c>code</c> query parameter, or <c>Authorization: Bearer</c> (what OpenAI SDKs send).
/// No key configured = open (the server binds to loopback by default).
/// </summary>
public sealed class ApiKeyFilter(string? key) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (Allows(context.HttpContext.Request))
        {
            return next(context);
        }

        return ValueTask.FromResult<object?>(ApiErrors.Unauthorized());
    }

    /// <summary>True when no key is configured or the request offers it.</summary>
    public bool Allows(HttpRequest request) => string.IsNullOrEmpty(key) || Matches(request);

    private bool Matches(HttpRequest request)
    {
        var offered = request.Headers["x-functions-key"].ToString();
        if (offered.Length == 0)
        {
            offered = request.Query["code"].ToString();
        }

        if (offered.Length == 0 && request.Headers.Authorization.ToString() is { } auth && auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            offered = auth["Bearer ".Length..].Trim();
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(offered), Encoding.UTF8.GetBytes(key!));
    }
}
