using Archon.Cli.Commands;

namespace Archon.Cli.Tests.Commands;

public sealed class ModelsCommandTests : IDisposable
{
    private readonly DirectoryInfo dir = Directory.CreateTempSubdirectory("archon-models-");
    private readonly StringWriter output = new();

    public void Dispose()
    {
        dir.Delete(recursive: true);
        output.Dispose();
    }

    private ModelsCommand Command(params (string Name, string Value)[] env)
    {
        return new ModelsCommand(CliConsole.For(output), handler: null, name => env.FirstOrDefault(e => e.Name == name).Value);
    }

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
    public async Task RunAsync_Catalog_ListsEveryEntryAndSummarises()
    {
        var exit = await Command().RunAsync(new ModelsSettings { Models = Catalog(TwoModels), Offline = true }, CancellationToken.None);

        var text = output.ToString();
        Assert.Equal(0, exit);
        Assert.Contains("gpt-4o", text, StringComparison.Ordinal);
        Assert.Contains("OPENAI_API_KEY not set", text, StringComparison.Ordinal);
        Assert.Contains("2.5 · 10", text, StringComparison.Ordinal);
        Assert.Contains("fleet-small", text, StringComparison.Ordinal);
        Assert.Contains("SIMULATED", text, StringComparison.Ordinal);
        Assert.Contains("2 models: 1 configured, 1 not configured; 0 endpoints unreachable", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_StrictWithAMissingKey_ExitsOne()
    {
        var exit = await Command().RunAsync(new ModelsSettings { Models = Catalog(TwoModels), Offline = true, Strict = true }, CancellationToken.None);

        Assert.Equal(1, exit);
    }

    [Fact]
    public async Task RunAsync_StrictWithEverythingConfigured_ExitsZero()
    {
        var exit = await Command(("OPENAI_API_KEY", "sk-x"))
            .RunAsync(new ModelsSettings { Models = Catalog(TwoModels), Offline = true, Strict = true }, CancellationToken.None);

        Assert.Equal(0, exit);
        Assert.Contains("2 models: 2 configured, 0 not configured", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UnreachableEndpoint_IsAStatusNotAFailure()
    {
        await using var server = new ProbeServer(status: null);
        var catalog = Catalog($$"""{ "models": [ { "id": "local", "provider": "openai-compatible", "endpoint": "{{server.BaseUrl}}/v1" } ] }""");

        var exit = await Command().RunAsync(new ModelsSettings { Models = catalog, TimeoutSeconds = 0.3, Strict = true }, CancellationToken.None);

        Assert.Equal(0, exit);
        Assert.Contains("unreachable: no answer within 0.3 s", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("1 endpoint unreachable", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_MissingCatalogFile_OneErrorLineAndExitOne()
    {
        var path = Path.Combine(dir.FullName, "absent.json");

        var exit = await Command().RunAsync(new ModelsSettings { Models = path, Offline = true }, CancellationToken.None);

        Assert.Equal(1, exit);
        Assert.Equal($"error: {path}: model catalog file not found", output.ToString().Trim());
    }

    [Fact]
    public async Task RunAsync_InvalidCatalog_ErrorNamesTheFileAndField()
    {
        var path = Catalog("""{ "models": [ { "provider": "openai" } ] }""");

        var exit = await Command().RunAsync(new ModelsSettings { Models = path, Offline = true }, CancellationToken.None);

        Assert.Equal(1, exit);
        Assert.StartsWith($"error: {path}", output.ToString().Trim(), StringComparison.Ordinal);
        Assert.Single(output.ToString().Trim().Split('\n'));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(61)]
    public void Validate_TimeoutOutOfRange_Fails(double seconds)
    {
        Assert.False(new ModelsSettings { TimeoutSeconds = seconds }.Validate().Successful);
    }
}
