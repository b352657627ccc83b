using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Archon.Http.Mcp;

/// <summary>
/// MCP over stateless Streamable HTTP: no session state on the server, so any instance can answer any request (the
/// Functions app scales out; `archon serve` restarts lose nothing). Tools: <see cref="ArchonMcpTools"/>.
/// </summary>
public static class ArchonMcpEndpoints
{
    public const string Route = "/api/mcp";

    public static IServiceCollection AddArchonMcp(this IServiceCollection services)
    {
        services.AddMcpServer(o => o.ServerInfo = new() { Name = "archon", Version = typeof(ArchonMcpTools).Assembly.GetName().Version?.ToString() ?? "1.0" })
            .WithHttpTransport(o => o.Stateless = true)
            .WithTools<ArchonMcpTools>();
        services.AddSingleton<McpRequestHandler>();
        return services;
    }

    /// <summary>Maps the MCP endpoint behind the same key check as the rest of the API.</summary>
    public static IEndpointConventionBuilder MapArchonMcp(this IEndpointRouteBuilder app, string? apiKey)
    {
        var keys = new ApiKeyFilter(apiKey);
        var builder = app.MapMcp(Route);
        builder.Add(endpoint =>
        {
            var inner = endpoint.RequestDelegate!;
            endpoint.RequestDelegate = context => keys.Allows(context.Request) ? inner(context) : ApiErrors.Unauthorized().ExecuteAsync(context);
        });
        return builder;
    }
}
