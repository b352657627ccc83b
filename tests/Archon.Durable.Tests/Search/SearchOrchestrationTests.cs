using Archon.Core.Architecture;
using Archon.Core.Execution;
using Archon.Core.Search;
using Archon.Durable.Contracts;
using Archon.LocalHost;
using Archon.Durable.Orchestrations;
using Archon.Durable.Search;
using Archon.Core.Storage;
using Archon.Hosting.Storage;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Archon.Durable.Tests.Search;

public sealed class SearchOrchestrationTests : IDisposable
{
    private const string Spec = """
        {
          "name": "test", "catalog": "fake", "benchmark": "fake", "dev_items": 8, "test_items": 4,
          "algorithm": "bo", "seed": 3, "max_evaluations": 10, "min_evaluations": 10, "batch_size": 3, "initial_points": 4,
          "top_n": 2, "item_parallelism": 4, "ranking_ensembles": 1,
          "space": { "generators": [1, 2, 3], "samples": [1, 2], "fusion_layers": [1, 2], "fusion_widths": [2, 3],
                     "pre_fuser": ["none"], "evaluation": ["none"] }
        }
        """;

    private readonly List<string> _roots = [];

    private string NewRoot()
    {
        var root = Path.Combine(Path.GetTempPath(), $"archon-search-{Guid.NewGuid():N}");
        _roots.Add(root);
        return root;
    }

    private static Task<EmbeddedDurableHost> StartHost(IResultStore store, IModelInvoker invoker) =>
        EmbeddedDurableHost.StartAsync(services =>
        {
            services.AddSingleton(invoker);
            services.AddSingleton(store);
            services.AddSingleton<ISearchEnvironment>(new FakeSearchEnvironment());
            services.AddArchonSearch();
        });

    private static async Task<OrchestrationMetadata> RunToEnd(EmbeddedDurableHost host, string id)
    {
        await SearchStarter.StartAsync(host.Client, new SearchRequest(id, Spec), default);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        return await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
    }

    [Fact]
    public async Task SearchOrchestration_FullRun_WritesCandidatesLeaderboardReportAndBestArchitecture()
    {
        var store = new FileResultStore(NewRoot());
        var invoker = RuleModel.Create();
        await using var host = await StartHost(store, invoker);

        var done = await RunToEnd(host, "s-full");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        var outcome = done.ReadOutputAs<SearchOutcome>()!;
        var leaderboard = (await store.GetJsonAsync<Leaderboard>(BlobLayout.Leaderboard("s-full"), default))!;
        Assert.True(leaderboard.Finished);
        Assert.Equal(outcome.Best, leaderboard.Recommended);
        Assert.Equal(100, outcome.BestScore);
        Assert.Equal(2, leaderboard.Final.Count);
        Assert.All(leaderboard.Final, f => Assert.True(f.CiLow <= f.TestScore && f.TestScore <= f.CiHigh));
        Assert.True(leaderboard.EvaluationsUsed <= 10);
        Assert.True(leaderboard.CallsMade < leaderboard.CallsNeeded, $"reuse: made {leaderboard.CallsMade} of {leaderboard.CallsNeeded}");

        // Every candidate ran as a sub-orchestration with the documented explicit instance id.
        var candidates = await store.ListAsync(BlobLayout.SearchContainer, BlobLayout.SearchCandidatesPrefix("s-full"), default);
        Assert.Equal(leaderboard.Candidates + leaderboard.Final.Count, candidates.Count);
        foreach (var name in candidates)
        {
            var id = Path.GetFileNameWithoutExtension(name);
            var sub = await host.Client.GetInstanceAsync(SearchBlobs.InstanceId("s-full", id));
            Assert.NotNull(sub);
            Assert.Equal(OrchestrationRuntimeStatus.Completed, sub.RuntimeStatus);
        }

        var best = await store.GetBytesAsync(BlobLayout.SearchContainer, SearchBlobs.BestArchitecture("s-full").Name, default);
        var parsed = ArchitectureLoader.Parse(System.Text.Encoding.UTF8.GetString(best!), "best-architecture.json");
        Assert.Empty(parsed.Errors);
        Assert.Equal(outcome.Best, ArchitectureEncoder.Decode(parsed.Architecture!)!.Key);
        foreach (var file in new[] { "report.html", "best-so-far.png", "best-so-far.svg", "score-vs-cost.png", "score-vs-cost.svg" })
        {
            Assert.True(await store.ExistsAsync(BlobLayout.SearchContainer, SearchBlobs.ReportFile("s-full", file).Name, default), file);
        }
    }

    [Fact]
    public async Task SearchOrchestration_KilledMidRunAndRestarted_RecomputesNothingFinished()
    {
        // Reference: the same search uninterrupted.
        var referenceStore = new FileResultStore(NewRoot());
        var referenceInvoker = RuleModel.Create();
        await using (var reference = await StartHost(referenceStore, referenceInvoker))
        {
            Assert.Equal(OrchestrationRuntimeStatus.Completed, (await RunToEnd(reference, "s-kill")).RuntimeStatus);
        }

        var referenceBoard = (await referenceStore.GetJsonAsync<Leaderboard>(BlobLayout.Leaderboard("s-kill"), default))!;
        var root = NewRoot();
        var store = new ObservedStore(new FileResultStore(root));
        var candidatesDir = Path.Combine(root, BlobLayout.SearchContainer, "s-kill", "candidates");
        // Barriers instead of sleeps: once four candidate results are stored, model calls are held, so the search cannot
        // run to its end before the kill; they are released only once the host is going down.
        var fourStored = store.WhenPut((container, name) => container == BlobLayout.SearchContainer && name.StartsWith("s-kill/candidates/", StringComparison.Ordinal), 4);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = RuleModel.Create((_, ct) => fourStored.IsCompleted ? release.Task.WaitAsync(ct) : Task.CompletedTask);
        var host = await StartHost(store, first);
        await SearchStarter.StartAsync(host.Client, new SearchRequest("s-kill", Spec), default);
        await fourStored.WaitAsync(TimeSpan.FromSeconds(60));

        var kill = host.DisposeAsync(); // the "kill": in-memory orchestration state is gone
        release.SetResult();
        await kill;
        var finishedBefore = Directory.GetFiles(candidatesDir).ToDictionary(f => f, File.GetLastWriteTimeUtc);
        Assert.True(finishedBefore.Count < referenceBoard.Candidates + referenceBoard.Final.Count, "the kill came too late to test a resume");

        var second = RuleModel.Create();
        await using (var restarted = await StartHost(store, second))
        {
            Assert.Equal(OrchestrationRuntimeStatus.Completed, (await RunToEnd(restarted, "s-kill")).RuntimeStatus);
        }

        foreach (var (file, written) in finishedBefore)
        {
            Assert.Equal(written, File.GetLastWriteTimeUtc(file));
        }

        var board = (await store.GetJsonAsync<Leaderboard>(BlobLayout.Leaderboard("s-kill"), default))!;
        Assert.Equal(referenceBoard.Entries.Select(e => (e.PointKey, e.Score)), board.Entries.Select(e => (e.PointKey, e.Score)));
        Assert.Equal(referenceBoard.Recommended, board.Recommended);
        // Nothing finished was recomputed: the restarted run made fewer calls than an uninterrupted one, and the two runs
        // together made at most one uninterrupted run's calls plus those in flight at the kill. No lower bound: concurrent
        // identical requests can both miss the response cache, so even the uninterrupted count varies run to run.
        Assert.True(second.Calls.Count < referenceInvoker.Calls.Count, $"restart made {second.Calls.Count} calls, uninterrupted {referenceInvoker.Calls.Count}");
        Assert.True(first.Calls.Count + second.Calls.Count <= referenceInvoker.Calls.Count + 64, $"{first.Calls.Count} + {second.Calls.Count} calls vs {referenceInvoker.Calls.Count} uninterrupted");
    }

    [Fact]
    public async Task SearchOrchestration_InvalidSpec_FailsNamingTheField()
    {
        var store = new FileResultStore(NewRoot());
        await using var host = await StartHost(store, RuleModel.Create());
        await SearchStarter.StartAsync(host.Client, new SearchRequest("s-bad", """{ "algorithm": "annealing" }"""), default);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var done = await host.Client.WaitForInstanceCompletionAsync("s-bad", getInputsAndOutputs: true, timeout.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Contains("algorithm", done.FailureDetails!.ErrorMessage);
    }

    [Fact]
    public async Task SearchOrchestration_EveryModelCallFails_FailsWithTheProviderErrorWithoutRetryingTheActivity()
    {
        var store = new FileResultStore(NewRoot());
        var invoker = new FakeModel { FailWith = _ => "HTTP 401 (Unauthorized): no API key" };
        await using var host = await StartHost(store, invoker);

        var done = await RunToEnd(host, "s-dead");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Contains("every model call failed", done.FailureDetails!.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("HTTP 401 (Unauthorized): no API key", done.FailureDetails.ErrorMessage, StringComparison.Ordinal);
        // Preprocessing asks each of the 3 models alone on the 8 dev items once: a retried activity would ask again.
        Assert.Equal(3 * 8, invoker.Calls.Count);
    }

    [Fact]
    public async Task SearchOrchestration_EveryCandidateFails_EndsFailedNamingTheErrorNotCompletedWithZeros()
    {
        var store = new FileResultStore(NewRoot());
        var invoker = new FakeModel { FailWith = r => r.Role == "fuser" ? "HTTP 503 (ServiceUnavailable): fuser model overloaded" : null };
        await using var host = await StartHost(store, invoker);

        var done = await RunToEnd(host, "s-fuserless");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Contains("candidates failed", done.FailureDetails!.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("fuser model overloaded", done.FailureDetails.ErrorMessage, StringComparison.Ordinal);
        var leaderboard = (await store.GetJsonAsync<Leaderboard>(BlobLayout.Leaderboard("s-fuserless"), default))!;
        Assert.Equal(leaderboard.Candidates, leaderboard.FailedCandidates);
        Assert.Null(leaderboard.Recommended);
    }

    public void Dispose()
    {
        foreach (var root in _roots.Where(Directory.Exists))
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
