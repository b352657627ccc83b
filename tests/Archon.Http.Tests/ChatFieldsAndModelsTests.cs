using System.ClientModel;
using System.Net;
using System.Text;
using System.Text.Json;
using OpenAI;

namespace Archon.Http.Tests;

/// <summary>n choices, the models API and the field policy (work, ignored-and-reported, or 400 naming the field).</summary>
public sealed class ChatFieldsAndModelsTests(StreamingApiFixture api) : IClassFixture<StreamingApiFixture>
{
    [Fact]
    public async Task PostChat_N3_ReturnsThreeChoicesWithUsageOfThreeRuns()
    {
        api.Gate = new TokenGate();
        api.Gate.Open();
        var one = await PostAsync("""{"model":"three-layer","messages":[{"role":"user","content":"What is 2+2?"}]}""");
        var three = await PostAsync("""{"model":"three-layer","n":3,"messages":[{"role":"user","content":"What is 2+2?"}]}""");

        var choices = three.GetProperty("choices");
        Assert.Equal(3, choices.GetArrayLength());
        Assert.Equal([0, 1, 2], choices.EnumerateArray().Select(c => c.GetProperty("index").GetInt32()));
        Assert.All(choices.EnumerateArray(), c => Assert.Equal(StreamingApiFixture.FinalText, c.GetProperty("message").GetProperty("content").GetString()));
        Assert.Equal(3 * Tokens(one, "prompt_tokens"), Tokens(three, "prompt_tokens"));
        Assert.Equal(3 * Tokens(one, "completion_tokens"), Tokens(three, "completion_tokens"));
    }

    [Fact]
    public async Task PostChat_NAboveMax_Returns400NamingN()
    {
        var response = await api.Http.PostAsync("api/v1/chat/completions", Json("""{"model":"direct","n":5,"messages":[{"role":"user","content":"hi"}]}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
        Assert.Equal("n", error.GetProperty("param").GetString());
        Assert.Contains("1 to 4", error.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("tools", """[{"type":"function","function":{"name":"f"}}]""")]
    [InlineData("tool_choice", "\"auto\"")]
    [InlineData("functions", """[{"name":"f"}]""")]
    [InlineData("logprobs", "true")]
    [InlineData("audio", """{"voice":"alloy","format":"wav"}""")]
    [InlineData("response_format", """{"type":"json_object"}""")]
    [InlineData("frobnicate", "1")]
    public async Task PostChat_UnsupportedField_Returns400NamingIt(string field, string value)
    {
        var response = await api.Http.PostAsync("api/v1/chat/completions", Json($$"""{"model":"direct","{{field}}":{{value}},"messages":[{"role":"user","content":"hi"}]}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
        Assert.Equal(field, error.GetProperty("param").GetString());
    }

    [Fact]
    public async Task PostChat_SamplingFields_AreIgnoredAndNamedInTheResponseHeader()
    {
        api.Gate = new TokenGate();
        api.Gate.Open();
        var response = await api.Http.PostAsync("api/v1/chat/completions", Json(
            """{"model":"direct","temperature":0.2,"max_tokens":5,"response_format":{"type":"text"},"messages":[{"role":"user","content":"hi"}]}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("temperature, max_tokens", string.Join(", ", response.Headers.GetValues(ChatRequestFields.IgnoredHeader)));
    }

    [Fact]
    public async Task GetModel_OpenAiClient_RetrievesOneArchitecture()
    {
        var models = new OpenAIClient(new ApiKeyCredential("unused"), new OpenAIClientOptions { Endpoint = new Uri(api.Server.BaseAddress, "api/v1") }).GetOpenAIModelClient();

        var model = (await models.GetModelAsync("three-layer")).Value;
        var missing = await Assert.ThrowsAsync<ClientResultException>(() => models.GetModelAsync("nope"));

        Assert.Equal("three-layer", model.Id);
        Assert.Equal(OpenAiHttpHandler.Owner, model.OwnedBy);
        Assert.Equal(404, missing.Status);
        Assert.Contains("nope", missing.Message);
    }

    private async Task<JsonElement> PostAsync(string body)
    {
        var response = await api.Http.PostAsync("api/v1/chat/completions", Json(body));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement;
    }

    private static long Tokens(JsonElement completion, string name) => completion.GetProperty("usage").GetProperty(name).GetInt64();

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
