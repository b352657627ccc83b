using System.Net;
using System.Net.Sockets;
using Archon.Cli.Commands;
using Archon.Core.Providers;
using Microsoft.Extensions.Time.Testing;

namespace Archon.Cli.Tests.Commands;

public sealed class ProviderCheckerTests
{
    // Tests that expect an answer get a generous timeout on the real clock, so a loaded CI machine cannot turn a slow
    // loopback reply into "unreachable"; the never-answers test runs its timeout on a fake clock instead of waiting.
    private static readonly TimeSpan ShortTimeout = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(15);

    private static ProviderChecker Checker(HttpClient http, params (string Name, string Value)[] env) =>
        new(http, name => env.FirstOrDefault(e => e.Name == name).Value, AnswerTimeout);

    private static ModelEntry Entry(string provider, string? endpoint = null, string? keyEnv = null, string id = "m") =>
        new() { Id = id, Provider = provider, Endpoint = endpoint, ApiKeyEnv = keyEnv };

    [Fact]
    public void CheckConfiguration_KeyVariableUnset_ReportsTheVariableAsMissing()
    {
        using var http = new HttpClient();

        var check = Checker(http).CheckConfiguration(Entry("openai", keyEnv: "OPENAI_API_KEY"));

        Assert.False(check.Ready);
        Assert.Equal(CheckOutcome.Failed("OPENAI_API_KEY not set"), check.Credentials);
        Assert.Equal("https://api.openai.com/v1/models", check.ProbeUrl);
    }

    [Fact]
    public void CheckConfiguration_KeyVariableSet_IsReadyWithoutRevealingTheKey()
    {
        using var http = new HttpClient();

        var check = Checker(http, ("TOGETHER_API_KEY", "sk-secret-value"))
            .CheckConfiguration(Entry("openai-compatible", "https://api.together.xyz/v1", "TOGETHER_API_KEY"));

        Assert.True(check.Ready);
        Assert.Equal("TOGETHER_API_KEY set", check.Credentials.Detail);
        Assert.DoesNotContain("sk-secret-value", check.ToString(), StringComparison.Ordinal);
        Assert.Equal("https://api.together.xyz/v1/models", check.ProbeUrl);
    }

    [Fact]
    public void CheckConfiguration_AzureOpenAiWithoutKey_UsesEntraIdAndNamesTheDeployment()
    {
        using var http = new HttpClient();
        var entry = Entry("azure-openai", "https://oai-archon.openai.azure.com/") with { Deployment = "gpt-4o" };

        var check = Checker(http).CheckConfiguration(entry);

        Assert.True(check.Ready);
        Assert.Equal("Entra ID (DefaultAzureCredential)", check.Credentials.Detail);
        Assert.Equal("https://oai-archon.openai.azure.com → gpt-4o", check.Endpoint.Detail);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://example.com/v1")]
    [InlineData("/relative/v1")]
    public void CheckConfiguration_MalformedEndpoint_FailsAndIsNotProbed(string endpoint)
    {
        using var http = new HttpClient();

        var check = Checker(http).CheckConfiguration(Entry("openai-compatible", endpoint));

        Assert.False(check.Ready);
        Assert.Equal(CheckStatus.Failed, check.Endpoint.Status);
        Assert.Contains("not an absolute http(s) URL", check.Endpoint.Detail, StringComparison.Ordinal);
        Assert.Null(check.ProbeUrl);
    }

    [Fact]
    public void CheckConfiguration_AzureOpenAiWithoutEndpoint_Fails()
    {
        using var http = new HttpClient();

        var check = Checker(http).CheckConfiguration(Entry("azure-openai"));

        Assert.Equal(CheckOutcome.Failed("endpoint missing: required for azure-openai"), check.Endpoint);
    }

    [Fact]
    public void CheckConfiguration_UnknownProvider_FailsNamingTheBuiltInOnes()
    {
        using var http = new HttpClient();

        var check = Checker(http).CheckConfiguration(Entry("bedrock-native", "https://example.com"));

        Assert.False(check.Ready);
        Assert.Contains("unknown provider \"bedrock-native\"", check.Endpoint.Detail, StringComparison.Ordinal);
        Assert.Contains("azure-openai", check.Endpoint.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckConfiguration_Simulator_ReadyLabelledSimulatedAndNeverProbed()
    {
        using var http = new HttpClient();

        var check = Checker(http).CheckConfiguration(Entry("sim"));

        Assert.True(check.Ready);
        Assert.Contains("SIMULATED", check.Endpoint.Detail, StringComparison.Ordinal);
        Assert.Null(check.ProbeUrl);
    }

    [Fact]
    public async Task CheckAsync_EndpointAnswers401_ReachableAndNoKeySent()
    {
        await using var server = new ProbeServer(status: 401);
        using var http = new HttpClient();
        var entry = Entry("openai-compatible", server.BaseUrl + "/v1", "LOCAL_KEY");

        var check = (await Checker(http, ("LOCAL_KEY", "sk-do-not-send")).CheckAsync([entry], probe: true, CancellationToken.None)).Single();

        Assert.Equal(CheckStatus.Ok, check.Reachability.Status);
        Assert.StartsWith("HTTP 401 in ", check.Reachability.Detail, StringComparison.Ordinal);
        var request = Assert.Single(server.Requests);
        Assert.StartsWith("GET /v1/models HTTP/1.1", request, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-do-not-send", request, StringComparison.Ordinal);
        Assert.DoesNotContain("Authorization", request, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task CheckAsync_ClosedPort_UnreachableStatusNotAnException()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var http = new HttpClient();

        var check = (await Checker(http).CheckAsync([Entry("openai-compatible", $"http://127.0.0.1:{port}/v1")], probe: true, CancellationToken.None)).Single();

        Assert.True(check.Ready);
        Assert.True(check.Unreachable);
        Assert.StartsWith("unreachable: ", check.Reachability.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAsync_EndpointNeverAnswers_UnreachableAfterTheTimeout()
    {
        await using var server = new ProbeServer(status: null);
        using var http = new HttpClient();

        var clock = new FakeTimeProvider();
        var checker = new ProviderChecker(http, _ => null, ShortTimeout, clock);

        var checking = checker.CheckAsync([Entry("openai-compatible", server.BaseUrl + "/v1")], probe: true, CancellationToken.None);
        await server.FirstRequest.WaitAsync(AnswerTimeout); // the probe is in flight and the server holds it
        Assert.False(checking.IsCompleted);
        clock.Advance(ShortTimeout);
        var check = (await checking).Single();

        Assert.Equal(CheckOutcome.Failed("unreachable: no answer within 0.5 s"), check.Reachability);
    }

    [Fact]
    public async Task CheckAsync_ModelsSharingAnEndpoint_ProbedOnce()
    {
        await using var server = new ProbeServer(status: 200);
        using var http = new HttpClient();
        var entries = new[] { "a", "b", "c" }.Select(id => Entry("openai-compatible", server.BaseUrl + "/v1", id: id));

        var checks = await Checker(http).CheckAsync(entries, probe: true, CancellationToken.None);

        Assert.Equal(3, checks.Count);
        Assert.All(checks, c => Assert.Equal(CheckStatus.Ok, c.Reachability.Status));
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task CheckAsync_ProbeOff_SendsNothing()
    {
        await using var server = new ProbeServer(status: 200);
        using var http = new HttpClient();

        var check = (await Checker(http).CheckAsync([Entry("openai-compatible", server.BaseUrl + "/v1")], probe: false, CancellationToken.None)).Single();

        Assert.Equal(CheckOutcome.Skipped("not probed (--offline)"), check.Reachability);
        Assert.Empty(server.Requests);
    }
}
