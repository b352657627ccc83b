using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Archon.Http.Mcp;

/// <summary>
/// Serves the MCP endpoint from a host that has no endpoint routing of its own, i.e. an Azure Functions HTTP trigger:
/// the SDK's <c>MapMcp</c> endpoints are built once on a private route table and the trigger hands each request to the
/// one matching its method. Stateless Streamable HTTP needs no session affinity, so this works on any instance.
/// </summary>
public sealed class McpRequestHandler
{
    private readonly IReadOnlyList<RouteEndpoint> _endpoints;

    public McpRequestHandler(IServiceProvider services)
    {
        var routes = new PrivateRoutes(services);
        routes.MapMcp(ArchonMcpEndpoints.Route);
        _endpoints = routes.DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>().ToList();
    }

    /// <summary>The request's handling as an <see cref="IResult"/> (what the Functions wrapper returns).</summary>
    public IResult Handle() => new McpResult(this);

    public Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var method = context.Request.Method;
        var endpoint = _endpoints.FirstOrDefault(e =>
            e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains(method, StringComparer.OrdinalIgnoreCase) ?? false);
        if (endpoint?.RequestDelegate is not { } run)
        {
            return ApiErrors.Error(StatusCodes.Status405MethodNotAllowed, "method", $"MCP (stateless Streamable HTTP) accepts POST here, not {method}", "method_not_allowed")
                .ExecuteAsync(context);
        }

        context.SetEndpoint(endpoint);
        return run(context);
    }

    private sealed class McpResult(McpRequestHandler handler) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => handler.HandleAsync(httpContext);
    }

    private sealed class PrivateRoutes(IServiceProvider services) : IEndpointRouteBuilder
    {
        public IServiceProvider ServiceProvider => services;

        public ICollection<EndpointDataSource> DataSources { get; } = new List<EndpointDataSource>();

        public IApplicationBuilder CreateApplicationBuilder() => new ApplicationBuilder(services);
    }
}
