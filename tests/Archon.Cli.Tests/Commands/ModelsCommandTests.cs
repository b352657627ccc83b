using Microsoft.Extensions.Time.Testing;

namespace Archon.Cli.Tests.Commands;

/// <summary>`archon models` through the command tree (option parsing, validation, exit codes).</summary>
public sealed class ModelsCommandTests : IDisposable
{
    private readonly DirectoryInfo dir = Directory.CreateTempSubdirectory("archon-models-");

    public void Dispose() => dir.Delete(recursive: true);

    private static Task<CliResult> Models(IReadOnlyDictionary<string, string>? env, params string[] args) =>
        ArchonCli.RunAsync(env ?? new Dictionary<string, string>(), ["models", .. args]);

    private string Catalog(string json)
    {
        var path = Path.Combine(dir.FullName, "models.json");
        File.WriteAllText(path, json);
        return path;
    }

    private const string TwoModels = """
        {
          "models": [
            { "id": "gpt-4o", "provider": "openai", "apiKeyEnv": "OPENAI_API_KEY", "inputPricePerMillion": 2.5, "outputPricePerMillion": 10 },
            { "id": "fleet-small", "provider": "sim" }
          ]
        }
        """;

    [Fact]
    public async Task Models_Catalog_ListsEveryEntryAndSummarises()
    {
        var result = await Models(null, "-m", Catalog(TwoModels), "--offline");

        Assert.True(result.Exit == 0, result.ToString());
        Assert.Contains("gpt-4o", result.Out, StringComparison.Ordinal);
        Assert.Contains("OPENAI_API_KEY not set", result.Out, StringComparison.Ordinal);
        Assert.Contains("2.5 · 10", result.Out, StringComparison.Ordinal);
        Assert.Contains("fleet-small", result.Out, StringComparison.Ordinal);
        Assert.Contains("SIMULATED", result.Out, StringComparison.Ordinal);
        Assert.Contains("2 models: 1 configured, 1 not configured; 0 endpoints unreachable", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Models_StrictWithAMissingKey_ExitsOne()
    {
        var result = await Models(null, "--models", Catalog(TwoModels), "--offline", "--strict");

        Assert.Equal(1, result.Exit);
    }

    [Fact]
    public async Task Models_StrictWithEverythingConfigured_ExitsZero()
    {
        var result = await Models(new Dictionary<string, string> { ["OPENAI_API_KEY"] = "sk-x" }, "-m", Catalog(TwoModels), "--offline", "--strict");

        Assert.True(result.Exit == 0, result.ToString());
        Assert.Contains("2 models: 2 configured, 0 not configured", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Models_UnreachableEndpoint_IsAStatusNotAFailure()
    {
        await using var server = new ProbeServer(status: null);
        var catalog = Catalog($$"""{ "models": [ { "id": "local", "provider": "openai-compatible", "endpoint": "{{server.BaseUrl}}/v1" } ] }""");
        var clock = new FakeTimeProvider();

        var running = ArchonCli.RunAsync(new Dictionary<string, string>(), clock, "models", "-m", catalog, "--timeout", "0.3", "--strict");
        await server.FirstRequest.WaitAsync(TimeSpan.FromSeconds(30)); // the probe is waiting on a server that never answers
        clock.Advance(TimeSpan.FromSeconds(0.3));
        var result = await running.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(result.Exit == 0, result.ToString());
        Assert.Contains("unreachable: no answer within 0.3 s", result.Out, StringComparison.Ordinal);
        Assert.Contains("1 endpoint unreachable", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Models_MissingCatalogFile_OneErrorLineAndExitOne()
    {
        var path = Path.Combine(dir.FullName, "absent.json");

        var result = await Models(null, "-m", path, "--offline");

        Assert.Equal(1, result.Exit);
        Assert.Equal($"error: {path}: model catalog file not found", result.Out.Trim());
    }

    [Fact]
    public async Task Models_InvalidCatalog_ErrorNamesTheFileAndField()
    {
        var path = Catalog("""{ "models": [ { "provider": "openai" } ] }""");

        var result = await Models(null, "-m", path, "--offline");

        Assert.Equal(1, result.Exit);
        Assert.StartsWith($"error: {path}", Assert.Single(result.OutLines), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("61")]
    public async Task Models_TimeoutOutOfRange_ExitsNonZeroWithOneMessage(string seconds)
    {
        var result = await Models(null, "--timeout", seconds, "--offline");

        Assert.NotEqual(0, result.Exit);
        Assert.Contains($"--timeout {seconds}: must be more than 0 and at most 60 seconds", result.Out + result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Out + result.Error, StringComparison.Ordinal);
    }
}
