using Archon.Cli.Commands;

namespace Archon.Cli.Tests.Commands;

/// <summary>`archon run --host durable` (the default): one orchestration in the embedded host, offline catalog.</summary>
[Collection(EmbeddedHostCollection.Name)]
public sealed class DurableHostCommandTests : IDisposable
{
    private readonly string _store = Path.Combine(Path.GetTempPath(), $"archon-cli-durable-{Guid.NewGuid():N}");

    private static readonly string Quickstart = Path.Combine(TestPaths.RepoRoot, "architectures", "quickstart.json");

    private static readonly string Offline = Path.Combine(TestPaths.RepoRoot, "catalog", "offline.json");

    [Fact]
    public async Task Run_OfflineCatalog_AnswersAndWritesTheTraceToTheStore()
    {
        var result = await ArchonCli.RunAsync("run", "-a", Quickstart, "-p", "What is 2+2?", "-m", Offline, "--store", _store, "--json");

        Assert.True(result.Exit == 0, result.ToString());
        Assert.Contains("\"answer\"", result.Out, StringComparison.Ordinal);
        Assert.StartsWith("trace: ", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(Path.Combine(_store, "archon-traces"), "run-*.json"));
    }

    [Fact]
    public async Task Run_BudgetBelowTheFanOut_ExitsOneWithBudgetError()
    {
        var result = await ArchonCli.RunAsync("run", "-a", Quickstart, "-p", "hi", "-m", Offline, "--store", _store, "--max-calls", "1");

        Assert.Equal(1, result.Exit);
        Assert.Equal("", result.Out);
        Assert.StartsWith("budget:", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("run", "-a", "a.json", "-p", "p")]
    [InlineData("bench", "latency")]
    public async Task Host_OtherThanDurableOrInProcess_IsRejectedWithTheRule(params string[] verb)
    {
        var result = await ArchonCli.RunAsync([.. verb, "--host", "cloud"]);

        Assert.NotEqual(0, result.Exit);
        Assert.Contains(HostKind.Rule, result.Out + result.Error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_store))
        {
            Directory.Delete(_store, recursive: true);
        }
    }
}
