using System.ClientModel;
using System.Net;
using System.Text;
using System.Text.Json;
using Archon.Core.Storage;
using Archon.Durable.Contracts;
using Archon.Durable.Orchestrations;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using OpenAI;
using OpenAI.Chat;

namespace Archon.Http.Tests;

/// <summary>Streaming chat completions with the official OpenAI .NET client and raw SSE, over the embedded Durable host.</summary>
public sealed class StreamingTests(StreamingApiFixture api) : IClassFixture<StreamingApiFixture>
{
    private ChatClient Chat(string model) =>
        new OpenAIClient(new ApiKeyCredential("unused"), new OpenAIClientOptions { Endpoint = new Uri(api.Server.BaseAddress, "api/v1") }).GetChatClient(model);

    [Theory]
    [InlineData("three-layer")]
    [InlineData("direct")]
    [InlineData("ranked")]
    public async Task CompleteChatStreaming_SameTextAndUsageAsNonStreaming(string model)
    {
        api.Gate = new TokenGate();
        api.Gate.Open();
        ChatCompletion whole = await Chat(model).CompleteChatAsync([new UserChatMessage("What is 2+2?")]);

        var text = new StringBuilder();
        ChatTokenUsage? usage = null;
        var finish = (ChatFinishReason?)null;
        await foreach (var update in Chat(model).CompleteChatStreamingAsync([new UserChatMessage("What is 2+2?")]))
        {
            text.Append(string.Concat(update.ContentUpdate.Select(p => p.Text)));
            usage ??= update.Usage;
            finish ??= update.FinishReason;
        }

        Assert.Equal(whole.Content[0].Text, text.ToString());
        Assert.Equal(ChatFinishReason.Stop, finish);
        Assert.NotNull(usage);
        Assert.Equal(whole.Usage.InputTokenCount, usage.InputTokenCount);
        Assert.Equal(whole.Usage.OutputTokenCount, usage.OutputTokenCount);
        Assert.True(usage.InputTokenCount > 0);
    }

    [Fact]
    public async Task CompleteChatStreaming_FinalFuserStreams_FirstTokenArrivesWhileTheModelIsStillGenerating()
    {
        api.Gate = new TokenGate();
        api.Gate.Release(1);
        await using var updates = Chat("three-layer").CompleteChatStreamingAsync([new UserChatMessage("What is 2+2?")]).GetAsyncEnumerator();
        string? first = null;
        string? id = null;
        while (first is null && await updates.MoveNextAsync())
        {
            id = updates.Current.CompletionId;
            first = updates.Current.ContentUpdate.Count > 0 && updates.Current.ContentUpdate[0].Text.Length > 0 ? updates.Current.ContentUpdate[0].Text : null;
        }

        // The model has released one token only: the answer is not complete, nor is the orchestration.
        var firstSeen = DateTimeOffset.UtcNow;
        var running = await api.Server.Client.GetInstanceAsync(id!);
        Assert.Equal("Two", first);
        Assert.Equal(OrchestrationRuntimeStatus.Running, running!.RuntimeStatus);

        api.Gate.Open();
        var rest = new StringBuilder();
        while (await updates.MoveNextAsync())
        {
            rest.Append(string.Concat(updates.Current.ContentUpdate.Select(p => p.Text)));
        }

        var done = await api.Server.Client.WaitForInstanceCompletionAsync(id!);
        Assert.Equal(StreamingApiFixture.FinalText, first + rest);
        Assert.True(done.LastUpdatedAt >= firstSeen, "the orchestration finished after the first token was in the client's hands");
    }

    [Fact]
    public async Task PostStream_ReconnectWithLastEventId_ResumesWithoutLossOrRepeats()
    {
        api.Gate = new TokenGate();
        api.Gate.Release(2);
        var body = """{"model":"three-layer","stream":true,"stream_options":{"include_usage":true},"messages":[{"role":"user","content":"What is 2+2?"}]}""";
        var before = new List<string>();
        string? lastId = null;
        using (var response = await api.Http.SendAsync(Post(body), HttpCompletionOption.ResponseHeadersRead))
        {
            using var sse = new SseClient(await response.Content.ReadAsStreamAsync());
            // Two tokens were released; the relay may deliver them as one delta or two.
            while (string.Concat(before) != "Two plus" && await sse.NextAsync() is { } e)
            {
                lastId = e.Id;
                if (Content(e.Data) is { Length: > 0 } piece)
                {
                    before.Add(piece);
                }
            }
        }

        api.Gate.Open();
        var resumed = Post(body);
        resumed.Headers.Add("Last-Event-ID", lastId);
        using var again = await api.Http.SendAsync(resumed, HttpCompletionOption.ResponseHeadersRead);
        using var rest = new SseClient(await again.Content.ReadAsStreamAsync());
        var after = new StringBuilder();
        var ids = new List<string>();
        var sawUsage = false;
        while (await rest.NextAsync() is { } e && e.Data != "[DONE]")
        {
            ids.Add(e.Id!);
            after.Append(Content(e.Data));
            sawUsage |= e.Data.Contains("\"usage\":{", StringComparison.Ordinal);
        }

        Assert.Equal("Two plus", string.Concat(before));
        Assert.Equal(StreamingApiFixture.FinalText, string.Concat(before) + after);
        Assert.Equal(Seq(lastId!) + 1, Seq(ids[0]));
        Assert.True(sawUsage);
    }

    [Fact]
    public async Task PostStream_WhileEarlyLayersRun_SendsProgressAsSseComments()
    {
        api.Gate = new TokenGate();
        api.Gate.Open();
        using var response = await api.Http.SendAsync(Post("""{"model":"three-layer","stream":true,"messages":[{"role":"user","content":"hi"}]}"""), HttpCompletionOption.ResponseHeadersRead);
        using var sse = new SseClient(await response.Content.ReadAsStreamAsync());
        while (await sse.NextAsync() is { } e && e.Data != "[DONE]")
        {
        }

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var progress = sse.Comments.Where(c => c.StartsWith("archon ", StringComparison.Ordinal)).Select(c => JsonDocument.Parse(c[7..]).RootElement).ToList();
        Assert.NotEmpty(progress);
        Assert.All(progress, p => Assert.Equal(3, p.GetProperty("layers").GetInt32()));
        Assert.Contains(progress, p => p.GetProperty("phase").GetString() == "running");
    }

    [Fact]
    public async Task PostStream_UnknownLastEventId_Returns404NamingTheHeader()
    {
        var request = Post("""{"model":"direct","stream":true,"messages":[{"role":"user","content":"hi"}]}""");
        request.Headers.Add("Last-Event-ID", "chatcmpl-nope:3");

        var response = await api.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Last-Event-ID", await response.Content.ReadAsStringAsync());
    }

    internal static HttpRequestMessage Post(string body) =>
        new(HttpMethod.Post, "api/v1/chat/completions") { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    internal static string? Content(string data)
    {
        if (data == "[DONE]")
        {
            return null;
        }

        var root = JsonDocument.Parse(data).RootElement;
        return root.TryGetProperty("choices", out var choices) && choices.GetArrayLength() > 0
            && choices[0].GetProperty("delta").TryGetProperty("content", out var c) ? c.GetString() : null;
    }

    private static int Seq(string id) => int.Parse(id[(id.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
}
