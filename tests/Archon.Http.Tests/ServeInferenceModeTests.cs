using System.ClientModel;
using System.Net.Http.Json;
using System.Text.Json;
using Archon.Durable.Contracts;
using OpenAI;
using OpenAI.Chat;

namespace Archon.Http.Tests;

/// <summary>
/// `archon serve` runs inference inline by default and through the embedded Durable host with --inference durable:
/// the same request gets the same answer, usage and stored trace either way; only where the instance lives differs.
/// </summary>
public sealed class ServeInferenceModeTests(ApiServerFixture inline, DurableInferenceApiServerFixture durable)
    : IClassFixture<ApiServerFixture>, IClassFixture<DurableInferenceApiServerFixture>
{
    private static async Task<(ChatCompletion Completion, string Id)> CompleteAsync(ApiServerFixture api)
    {
        var client = new OpenAIClient(new ApiKeyCredential("unused"), new OpenAIClientOptions { Endpoint = new Uri(api.Server.BaseAddress, "api/v1") });
        ChatCompletion completion = await client.GetChatClient("eight-gen").CompleteChatAsync([new UserChatMessage("What is 2+2?")]);
        return (completion, completion.Id);
    }

    private static async Task<int> StoredCallsAsync(ApiServerFixture api, string id)
    {
        var metadata = await api.Server.Client.GetInstanceAsync(id, getInputsAndOutputs: true);
        var output = metadata!.ReadOutputAs<InferenceResult>()!;
        var bytes = await api.Store.GetBytesAsync(output.Trace.Container, output.Trace.Name, CancellationToken.None);
        return JsonDocument.Parse(bytes!).RootElement.GetProperty("trace").GetArrayLength();
    }

    [Fact]
    public async Task CompleteChat_Inline_AnswersWithoutADurableInstanceAndStoresTheTrace()
    {
        var (completion, id) = await CompleteAsync(inline);

        Assert.StartsWith("A combined answer", completion.Content[0].Text);
        Assert.Equal(11 * 15, completion.Usage.TotalTokenCount);
        Assert.Null(await inline.Server.Durable.Client.GetInstanceAsync(id));
        Assert.Equal(11, await StoredCallsAsync(inline, id));
    }

    [Fact]
    public async Task CompleteChat_Durable_AnswersTheSameThroughADurableInstance()
    {
        var (inlineCompletion, _) = await CompleteAsync(inline);
        var (completion, id) = await CompleteAsync(durable);

        Assert.Equal(inlineCompletion.Content[0].Text, completion.Content[0].Text);
        Assert.Equal(inlineCompletion.Usage.TotalTokenCount, completion.Usage.TotalTokenCount);
        Assert.NotNull(await durable.Server.Durable.Client.GetInstanceAsync(id));
        Assert.Equal(11, await StoredCallsAsync(durable, id));
    }

    [Fact]
    public async Task GetInference_InlineRun_StatusUrlReportsCompletion()
    {
        var response = await inline.Http.PostAsJsonAsync("api/inference?wait=30", new
        {
            architecture = "single",
            messages = new[] { new { role = "user", content = "What is 2+2?" } },
        });
        var id = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;

        var status = JsonDocument.Parse(await inline.Http.GetStringAsync($"api/inference/{id}")).RootElement;

        Assert.Equal("Completed", status.GetProperty("status").GetString());
        Assert.Equal("single", status.GetProperty("architecture").GetString());
    }
}
