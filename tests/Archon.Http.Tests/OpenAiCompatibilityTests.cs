using System.ClientModel;
using System.Net;
using System.Text;
using OpenAI;
using OpenAI.Chat;

namespace Archon.Http.Tests;

/// <summary>The official OpenAI .NET client, unchanged, against /api/v1 over real loopback HTTP.</summary>
public sealed class OpenAiCompatibilityTests(ApiServerFixture api) : IClassFixture<ApiServerFixture>
{
    private OpenAIClient Client(string key = "unused") =>
        new(new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = new Uri(api.Server.BaseAddress, "api/v1") });

    [Fact]
    public async Task CompleteChat_RegisteredArchitecture_ReturnsAnswerWithUsageSummedOverAllCalls()
    {
        var chat = Client().GetChatClient("eight-gen");

        ChatCompletion completion = await chat.CompleteChatAsync([new SystemChatMessage("Be brief."), new UserChatMessage("What is 2+2?")]);

        Assert.StartsWith("A combined answer", completion.Content[0].Text);
        Assert.Equal(ChatFinishReason.Stop, completion.FinishReason);
        Assert.Equal(11 * 10, completion.Usage.InputTokenCount);
        Assert.Equal(11 * 5, completion.Usage.OutputTokenCount);
        Assert.Equal(11 * 15, completion.Usage.TotalTokenCount);
        Assert.Equal("eight-gen", completion.Model);
    }

    [Fact]
    public async Task GetModels_ListsRegisteredArchitectures()
    {
        var models = await Client().GetOpenAIModelClient().GetModelsAsync();

        Assert.Equal(["eight-gen", "single"], models.Value.Select(m => m.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task CompleteChat_UnknownModel_Throws404NamingTheModel()
    {
        var chat = Client().GetChatClient("no-such-architecture");

        var error = await Assert.ThrowsAsync<ClientResultException>(() => chat.CompleteChatAsync([new UserChatMessage("hi")]));

        Assert.Equal(404, error.Status);
        Assert.Contains("no-such-architecture", error.Message);
    }

    [Fact]
    public async Task PostChatCompletions_StreamTrue_Returns400NamingStream()
    {
        var response = await api.Http.PostAsync("api/v1/chat/completions", new StringContent(
            """{"model":"single","stream":true,"messages":[{"role":"user","content":"hi"}]}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("stream:", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PostChatCompletions_ContentParts_AreJoinedIntoOneUserTurn()
    {
        var response = await api.Http.PostAsync("api/v1/chat/completions", new StringContent(
            """{"model":"single","messages":[{"role":"user","content":[{"type":"text","text":"What is"},{"type":"text","text":"2+2?"}]}]}""",
            Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var call = api.Invoker.Calls.Last(c => c.ModelId == "solo");
        Assert.Contains(call.Messages, m => m.Role == "user" && m.Content.Contains("What is\n2+2?", StringComparison.Ordinal));
    }
}

public sealed class ApiKeyTests(KeyedApiServerFixture api) : IClassFixture<KeyedApiServerFixture>
{
    [Fact]
    public async Task GetModels_WithoutKey_Returns401()
    {
        var response = await api.Http.GetAsync("api/v1/models");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task CompleteChat_OpenAiClientWithKey_Succeeds()
    {
        var client = new OpenAIClient(new ApiKeyCredential(KeyedApiServerFixture.Key), new OpenAIClientOptions { Endpoint = new Uri(api.Server.BaseAddress, "api/v1") });

        ChatCompletion completion = await client.GetChatClient("single").CompleteChatAsync([new UserChatMessage("hi")]);

        Assert.False(string.IsNullOrEmpty(completion.Content[0].Text));
    }

    [Fact]
    public async Task GetModels_FunctionsKeyHeader_Succeeds()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/models");
        request.Headers.Add("x-functions-key", KeyedApiServerFixture.Key);

        var response = await api.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
