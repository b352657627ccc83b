using System.Net;
using System.Text;
using System.Text.Json;

namespace Archon.Http.Tests;

/// <summary>Work is bounded before anything is scheduled: size limits, planned calls and the per-query budget.</summary>
public sealed class BoundedRequestTests(ApiServerFixture api) : IClassFixture<ApiServerFixture>
{
    private const string Messages = """[{"role":"user","content":"What is 2+2?"}]""";

    private async Task<(HttpStatusCode Status, string Message)> PostAsync(string path, string json)
    {
        var response = await api.Http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return (response.StatusCode, body.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.Object ? e.GetProperty("message").GetString()! : "");
    }

    [Fact]
    public async Task PostInference_BillionSamples_Returns400NamingFieldAndLimit()
    {
        var before = api.Invoker.Calls.Count;
        var (status, message) = await PostAsync("api/inference", $$"""
            {"architecture": {"name": "huge", "layers": [[{"type": "generator", "model": "a", "samples": 1000000000}]]}, "messages": {{Messages}}}
            """);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("architecture.layers[0][0].samples: at most 1000 samples per component (limit MaxSamplesPerComponent)", message, StringComparison.Ordinal);
        Assert.Equal(before, api.Invoker.Calls.Count);
    }

    [Fact]
    public async Task PostInference_BudgetAboveCap_Returns400NamingTheCap()
    {
        var (status, message) = await PostAsync("api/inference", $$$"""{"architecture": "single", "messages": {{{Messages}}}, "budget": {"max_calls": 10001}}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("budget.max_calls: must be a whole number from 1 to 10000 (the server's cap)", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostInference_DollarBudgetAboveCap_Returns400()
    {
        var (status, message) = await PostAsync("api/inference", $$$"""{"architecture": "single", "messages": {{{Messages}}}, "budget": {"max_dollars": 11}}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("budget.max_dollars:", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostInference_PlanOverRequestBudget_Returns400BeforeScheduling()
    {
        var (status, message) = await PostAsync("api/inference", $$$"""{"architecture": "eight-gen", "messages": {{{Messages}}}, "budget": {"max_calls": 5}}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("budget.max_calls: architecture 'eight-gen' plans 11 model calls per query, over this request's budget of 5", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostInference_UnknownBudgetField_Returns400ListingValidFields()
    {
        var (status, message) = await PostAsync("api/inference", $$$"""{"architecture": "single", "messages": {{{Messages}}}, "budget": {"max_tokens": 5}}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("budget.max_tokens: unknown field (valid: max_calls, max_dollars)", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostInference_LowerBudgetThatFits_Completes()
    {
        var (status, _) = await PostAsync("api/inference?wait=30", $$$"""{"architecture": "single", "messages": {{{Messages}}}, "budget": {"max_calls": 1, "max_dollars": 0.5}}""");

        Assert.Equal(HttpStatusCode.OK, status);
    }
}
