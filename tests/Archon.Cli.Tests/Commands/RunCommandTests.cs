using System.Text.Json;
using Archon.Cli.Commands;

namespace Archon.Cli.Tests.Commands;

[Collection(EmbeddedHostCollection.Name)]
public sealed class RunCommandTests : IDisposable
{
    private readonly DirectoryInfo dir = Directory.CreateTempSubdirectory("archon-run-");

    private static string SimArchitecture => Path.Combine(TestPaths.RepoRoot, "examples", "sim", "fleet-8-critic-rank-fuse.json");

    private static string SimFleet => Path.Combine(TestPaths.RepoRoot, "catalog", "sim-fleet.json");

    public void Dispose() => dir.Delete(recursive: true);

    private Task<CliResult> Run(string host, bool json = false, string? architecture = null, string[]? components = null, string? prompts = null) => ArchonCli.RunAsync(
        [
            "run", "-a", architecture ?? SimArchitecture, "-p", "What is 17 * 23?", "-m", SimFleet, "--host", host,
            "--store", Path.Combine(dir.FullName, "store"), .. json ? new[] { "--json" } : [],
            .. (components ?? []).SelectMany(c => new[] { "--components", c }), .. prompts is null ? [] : new[] { "--prompts", prompts },
        ]);

    /// <summary>Bad input: exit 2, nothing on stdout, exactly one stderr line starting with <paramref name="prefix"/>.</summary>
    private static string SingleErrorLine(CliResult result, string prefix)
    {
        Assert.True(result.Exit == 2, result.ToString());
        Assert.Equal("", result.Out);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith(prefix, line, StringComparison.Ordinal);
        return line;
    }

    [Theory]
    [InlineData(HostKind.InProcess)]
    [InlineData(HostKind.Durable)]
    public async Task Execute_SimFleet_PrintsSimulatedLabelAnswerAndLayerTable(string host)
    {
        var result = await Run(host);

        Assert.True(result.Exit == 0, result.ToString());
        var lines = result.Out.Split('\n', StringSplitOptions.TrimEntries);
        Assert.StartsWith("SIMULATED", lines[0], StringComparison.Ordinal);
        Assert.StartsWith($"fleet-8-critic-rank-fuse (4 layers, prompts {Archon.Core.Prompts.PromptPack.Default.Id})", lines[1], StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(lines[2]), "the answer line is empty");
        Assert.Contains("generator ×7", result.Out, StringComparison.Ordinal);
        Assert.Contains("calls 14 (failed 0", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HostKind.InProcess)]
    [InlineData(HostKind.Durable)]
    public async Task Execute_SimFleetJson_ParsesWithAnswerLabelAndUsageTotals(string host)
    {
        var result = await Run(host, json: true);

        Assert.True(result.Exit == 0, result.ToString());
        using var doc = JsonDocument.Parse(result.Out);
        var root = doc.RootElement;
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("answer").GetString()));
        Assert.StartsWith("SIMULATED", root.GetProperty("label").GetString(), StringComparison.Ordinal);
        var totals = root.GetProperty("totals");
        var trace = root.GetProperty("trace");
        Assert.Equal(14, totals.GetProperty("calls").GetInt32());
        Assert.Equal(trace.GetArrayLength(), totals.GetProperty("calls").GetInt32());
        Assert.Equal(0, totals.GetProperty("failed_calls").GetInt32());
        Assert.True(totals.GetProperty("input_tokens").GetInt64() > 0);
        Assert.Equal(trace.EnumerateArray().Sum(e => e.GetProperty("output_tokens").GetInt64()), totals.GetProperty("output_tokens").GetInt64());
        Assert.True(totals.GetProperty("cost_usd").GetDecimal() > 0m);
    }

    [Fact]
    public async Task Execute_DurableHost_ReportsTracePathInStore()
    {
        var result = await Run(HostKind.Durable, json: true);

        Assert.True(result.Exit == 0, result.ToString());
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("trace: " + Path.Combine(dir.FullName, "store"), line, StringComparison.Ordinal);
        Assert.True(File.Exists(line["trace: ".Length..]), line);
    }

    [Fact]
    public async Task Execute_InvalidArchitectureFile_OneErrorLineNamingFileExitTwo()
    {
        var file = Path.Combine(dir.FullName, "broken.json");
        File.WriteAllText(file, """{ "name": "broken", "layers": [ [ { "type": "generator", "model": "sim-frontier" } ], [ { "type": "nonsense" } ] ] }""");

        var result = await Run(HostKind.InProcess, architecture: file);

        Assert.Contains("layer 1", SingleErrorLine(result, $"error: {file}: "), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_MalformedJson_OneErrorLineNamingFileExitTwo()
    {
        var file = Path.Combine(dir.FullName, "truncated.json");
        File.WriteAllText(file, """{ "name": "x", "layers": [ [ """);

        var result = await Run(HostKind.InProcess, architecture: file);

        Assert.Contains("line 1", SingleErrorLine(result, $"error: {file}: "), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_MissingArchitecture_OneErrorLineNamingItExitTwo()
    {
        var missing = Path.Combine(dir.FullName, "no-such-architecture.json");

        var result = await Run(HostKind.InProcess, architecture: missing);

        SingleErrorLine(result, $"error: architecture \"{missing}\" not found");
    }

    [Fact]
    public async Task Execute_BudgetBelowTheFanOut_ExitsOneWithBudgetLine()
    {
        var result = await ArchonCli.RunAsync("run", "-a", SimArchitecture, "-p", "hi", "-m", SimFleet, "--host", HostKind.InProcess, "--max-calls", "3");

        Assert.True(result.Exit == 1, result.ToString());
        Assert.StartsWith("budget:", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HostKind.InProcess)]
    [InlineData(HostKind.Durable)]
    public async Task Execute_SampleComponentPlugin_RunsTheCustomLayer(string host)
    {
        var result = await Run(host, json: true, architecture: Path.Combine(TestPaths.RepoRoot, "samples", "custom-component", "majority-vote.json"),
            components: [Path.Combine(AppContext.BaseDirectory, "MajorityVote.dll")]);

        Assert.True(result.Exit == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        var notes = json.RootElement.GetProperty("notes").EnumerateArray().ToList();
        Assert.Contains(notes, n => n.GetProperty("kind").GetString() is "vote" or "fallback" && n.GetProperty("layer").GetInt32() == 1);
        Assert.Equal(5, json.RootElement.GetProperty("trace").GetArrayLength()); // five generator samples, no call for the vote
    }

    [Fact]
    public async Task Execute_PromptsOption_PackIdInOutputAndTextsSent()
    {
        var pack = Path.Combine(dir.FullName, "pack.json");
        var text = Archon.Core.Prompts.PromptPackLoader.DefaultJson()
            .Replace("\"name\": \"archon-net-default\"", "\"name\": \"my-pack\"", StringComparison.Ordinal)
            .Replace("You are a helpful assistant who merges several answers into one.", "MERGE THEM.", StringComparison.Ordinal);
        File.WriteAllText(pack, text);

        var result = await Run(HostKind.InProcess, json: true, prompts: pack);

        Assert.True(result.Exit == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        Assert.StartsWith("my-pack@", json.RootElement.GetProperty("prompt_pack").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_InvalidPromptPack_ExitTwoNamingFileAndStage()
    {
        var pack = Path.Combine(dir.FullName, "bad.json");
        File.WriteAllText(pack, Archon.Core.Prompts.PromptPackLoader.DefaultJson().Replace("{candidates}", "", StringComparison.Ordinal));

        var line = SingleErrorLine(await Run(HostKind.InProcess, prompts: pack), "error: ");

        Assert.Contains("bad.json: invalid prompt pack:", line, StringComparison.Ordinal);
    }
}
