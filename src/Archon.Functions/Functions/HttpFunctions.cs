using Archon.Http;
using Archon.Http.Mcp;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Archon.Functions.Functions;

/// <summary>
/// HTTP triggers (function-level auth) over the shared handlers in Archon.Durable; `archon serve` maps the same
/// handlers to the same routes. Route prefix "api" (host default).
/// </summary>
public sealed class HttpFunctions(InferenceHttpHandler inference, OpenAiHttpHandler openAi, SearchHttpHandler search, McpRequestHandler mcp)
{
    [Function("StartInference")]
    public async Task<IActionResult> StartInference(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "inference")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        new ResultActionResult(await inference.StartAsync(request, client, request.HttpContext.RequestAborted));

    [Function("GetInference")]
    public async Task<IActionResult> GetInference(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "inference/{id}")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client) =>
        new ResultActionResult(await inference.GetAsync(request, id, client, request.HttpContext.RequestAborted));

    [Function("ChatCompletions")]
    public async Task<IActionResult> ChatCompletions(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/chat/completions")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        new ResultActionResult(await openAi.ChatCompletionsAsync(request, client, request.HttpContext.RequestAborted));

    [Function("ListModels")]
    public async Task<IActionResult> ListModels(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/models")] HttpRequest request) =>
        new ResultActionResult(await openAi.ModelsAsync(request, request.HttpContext.RequestAborted));

    [Function("GetModel")]
    public async Task<IActionResult> GetModel(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/models/{id}")] HttpRequest request,
        string id) =>
        new ResultActionResult(await openAi.ModelAsync(request, id, request.HttpContext.RequestAborted));

    /// <summary>MCP over stateless Streamable HTTP (tools: list/run architectures, start/get search).</summary>
    [Function("Mcp")]
    public IActionResult Mcp(
        [HttpTrigger(AuthorizationLevel.Function, "post", "get", "delete", Route = "mcp")] HttpRequest request) =>
        new ResultActionResult(mcp.Handle());

    [Function("StartSearch")]
    public async Task<IActionResult> StartSearch(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "search")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        new ResultActionResult(await search.StartAsync(request, client, request.HttpContext.RequestAborted));

    [Function("GetSearch")]
    public async Task<IActionResult> GetSearch(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "search/{id}")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client) =>
        new ResultActionResult(await search.GetAsync(request, id, client, request.HttpContext.RequestAborted));
}
