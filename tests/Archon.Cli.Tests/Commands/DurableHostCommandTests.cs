using Archon.Offline.Simulation;
using Archon.Offline;
using Archon.Cli.Commands;
using Archon.Core.Architecture;
using Archon.Core.Execution;
using Archon.Core.Providers;

namespace Archon.Cli.Tests.Commands;

/// <summary>`archon run --host durable` (the default): one orchestration in the embedded host, offline catalog.</summary>
[Collection(EmbeddedHostCollection.Name)]
public sealed class DurableHostCommandTests : IDisposable
{
    private readonly string _store = Path.Combine(Path.GetTempPath(), $"archon-cli-durable-{Guid.NewGuid():N}");

    private static (ArchitectureConfig Architecture, ModelCatalog Catalog) Quickstart() =>
        (ArchitectureLoader.Load(Path.Combine(CliTestPaths.RepoRoot, "architectures", "quickstart.json")).GetOrThrow(),
         ModelCatalog.Load(Path.Combine(CliTestPaths.RepoRoot, "catalog", "offline.json")));

    [Fact]
    public async Task RunAsync_OfflineCatalog_AnswersAndWritesTheTraceToTheStore()
    {
        var (architecture, catalog) = Quickstart();
        await using var factory = new ModelClientFactory(catalog);
        OfflineProviders.Register(factory, new SimulatorKnowledge());

        var (result, error) = await DurableRun.RunAsync(architecture, "What is 2+2?", new ChatClientModelInvoker(factory), catalog, new QueryBudget(), _store, TextWriter.Null, default);

        Assert.Null(error);
        Assert.False(string.IsNullOrEmpty(result!.Answer));
        Assert.Equal(result.Trace.Count, result.Totals.Calls);
        Assert.Single(Directory.GetFiles(Path.Combine(_store, "archon-traces"), "run-*.json"));
    }

    [Fact]
    public async Task RunAsync_BudgetBelowTheFanOut_ReturnsBudgetError()
    {
        var (architecture, catalog) = Quickstart();
        await using var factory = new ModelClientFactory(catalog);
        OfflineProviders.Register(factory, new SimulatorKnowledge());

        var (result, error) = await DurableRun.RunAsync(architecture, "hi", new ChatClientModelInvoker(factory), catalog, new QueryBudget { MaxCalls = 1 }, _store, TextWriter.Null, default);

        Assert.Null(result);
        Assert.StartsWith("budget:", error);
    }

    [Theory]
    [InlineData("durable", true)]
    [InlineData("inprocess", true)]
    [InlineData("cloud", false)]
    public void Settings_Host_AcceptsOnlyDurableOrInProcess(string host, bool valid)
    {
        var run = new RunSettings { Architecture = "a", Prompt = "p", Host = host };
        var bench = new BenchLatencySettings { Host = host };

        Assert.Equal(valid, run.Validate().Successful);
        Assert.Equal(valid, bench.Validate().Successful);
    }

    public void Dispose()
    {
        if (Directory.Exists(_store))
        {
            Directory.Delete(_store, recursive: true);
        }
    }
}
