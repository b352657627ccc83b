using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Archon.Http;

/// <summary>
/// The Archon HTTP API on ASP.NET Core routing (`archon serve`), with the same routes and handlers as the Functions app:
/// POST /api/inference, GET /api/inference/{id}, POST /api/v1/chat/completions, GET /api/v1/models, GET /api/v1/models/{id},
/// POST /api/search, GET /api/search/{id}.
/// </summary>
public static class ArchonApiEndpoints
{
    public static IServiceCollection AddArchonApiHandlers(this IServiceCollection services)
    {
        services.AddSingleton<InferenceHttpHandler>();
        services.AddSingleton<OpenAiHttpHandler>();
        services.AddSingleton<SearchHttpHandler>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new ResultLabeler(sp.GetService<Archon.Core.Providers.ModelCatalog>()));
        return services;
    }

    public static RouteGroupBuilder MapArchonApi(this IEndpointRouteBuilder app, string? apiKey)
    {
        var api = app.MapGroup(StatusUrls.RoutePrefix).AddEndpointFilter(new ApiKeyFilter(apiKey));
        api.MapPost("/inference", (HttpRequest r, InferenceHttpHandler h, DurableTaskClient c, CancellationToken ct) => h.StartAsync(r, c, ct));
        api.MapGet("/inference/{id}", (HttpRequest r, string id, InferenceHttpHandler h, DurableTaskClient c, CancellationToken ct) => h.GetAsync(r, id, c, ct));
        api.MapPost("/v1/chat/completions", (HttpRequest r, OpenAiHttpHandler h, DurableTaskClient c, CancellationToken ct) => h.ChatCompletionsAsync(r, c, ct));
        api.MapGet("/v1/models", (HttpRequest r, OpenAiHttpHandler h, CancellationToken ct) => h.ModelsAsync(r, ct));
        api.MapGet("/v1/models/{id}", (HttpRequest r, string id, OpenAiHttpHandler h, CancellationToken ct) => h.ModelAsync(r, id, ct));
        api.MapPost("/search", (HttpRequest r, SearchHttpHandler h, DurableTaskClient c, CancellationToken ct) => h.StartAsync(r, c, ct));
        api.MapGet("/search/{id}", (HttpRequest r, string id, SearchHttpHandler h, DurableTaskClient c, CancellationToken ct) => h.GetAsync(r, id, c, ct));
        return api;
    }
}
