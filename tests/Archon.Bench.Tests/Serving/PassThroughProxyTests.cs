using System.ClientModel;
using System.Net;
using System.Text;
using Archon.Bench.Serving;
using Archon.Core.Storage;
using Archon.Offline.Loopback;
using OpenAI;
using OpenAI.Chat;

namespace Archon.Bench.Tests.Serving;

public sealed class PassThroughProxyTests
{
    private static ChatClient Client(Uri endpoint) =>
        new OpenAIClient(new ApiKeyCredential("k"), new OpenAIClientOptions { Endpoint = endpoint }).GetChatClient("bench/model");

    [Fact]
    public async Task Forward_ChatCompletionThroughTheSdk_SameAnswerAsTheModelDirect()
    {
        await using var model = LoopbackModelServer.StartCanned(TimeSpan.Zero);
        await using var proxy = PassThroughProxy.Start(model.BaseUri);
        ChatMessage[] messages = [new UserChatMessage("Explain why the sky is blue in two sentences.")];

        var direct = await Client(model.OpenAIBaseUri).CompleteChatAsync(messages);
        var viaProxy = await Client(new Uri(proxy.BaseUri, "v1/")).CompleteChatAsync(messages);

        Assert.False(string.IsNullOrEmpty(direct.Value.Content[0].Text));
        Assert.Equal(direct.Value.Content[0].Text, viaProxy.Value.Content[0].Text);
        Assert.Equal(2, model.RequestCount);
    }

    [Fact]
    public async Task Forward_WithAStore_EachReplyIsStoredAsACallEntryAndATraceBeforeTheAnswer()
    {
        await using var model = LoopbackModelServer.StartCanned(TimeSpan.Zero);
        var root = Path.Combine(Path.GetTempPath(), $"archon-proxy-test-{Guid.NewGuid():N}");
        try
        {
            var store = new FileResultStore(root);
            await using var proxy = PassThroughProxy.Start(model.BaseUri, store);
            var client = Client(new Uri(proxy.BaseUri, "v1/"));

            var first = await client.CompleteChatAsync([new UserChatMessage("one")]);
            await client.CompleteChatAsync([new UserChatMessage("two")]);

            var names = await store.ListAsync(BlobLayout.TracesContainer, "", default);
            Assert.Equal(
                ["proxy-1.json", "proxy-1/calls/L0.C0.generator.s0.json", "proxy-2.json", "proxy-2/calls/L0.C0.generator.s0.json"],
                names.Order(StringComparer.Ordinal));
            var stored = await store.GetBytesAsync(BlobLayout.TracesContainer, "proxy-1.json", default);
            Assert.Contains(first.Value.Content[0].Text, Encoding.UTF8.GetString(stored!), StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Forward_ModelRefusesTheRoute_StatusAndBodyComeBackUnchanged()
    {
        await using var model = LoopbackModelServer.StartCanned(TimeSpan.Zero);
        await using var proxy = PassThroughProxy.Start(model.BaseUri);
        using var http = new HttpClient();
        using var content = new StringContent("{}", Encoding.UTF8, "application/json");

        using var reply = await http.PostAsync(new Uri(proxy.BaseUri, "v1/no-such-route"), content);

        Assert.Equal(HttpStatusCode.NotFound, reply.StatusCode);
        Assert.Contains("unknown route", await reply.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
