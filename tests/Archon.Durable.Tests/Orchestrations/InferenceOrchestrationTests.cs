using Archon.Core.Execution;
using Archon.Durable.Contracts;
using Archon.Durable.Orchestrations;
using Archon.Core.Storage;
using Archon.Hosting.Storage;
using Microsoft.DurableTask.Client;

namespace Archon.Durable.Tests.Orchestrations;

public sealed class InferenceOrchestrationTests
{
    private static readonly IReadOnlyList<ChatTurn> Question = [new("user", "What is 2+2?")];

    private static async Task<OrchestrationMetadata> RunAsync(DurableTestHost host, InferenceRequest request, string id)
    {
        await host.Host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(InferenceOrchestration), request, new Microsoft.DurableTask.StartOrchestrationOptions(id));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        return await host.Host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
    }

    [Fact]
    public async Task RunAsync_EightGenerators_FanOutOverlapsAndTraceIsStored()
    {
        // Barrier, not a sleep: each call waits until all eight generators are in flight at once, so the run completes
        // only if the activities really overlap (a serialised fan-out hits the 60 s timeout and fails).
        var invoker = new FakeModel { HoldUntilInFlight = 8 };
        await using var host = await DurableTestHost.StartAsync(invoker);

        var done = await RunAsync(host, new InferenceRequest(Question, TestArchitectures.EightGeneratorsCriticRankerFuser()), "eight");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        var result = done.ReadOutputAs<InferenceResult>()!;
        Assert.StartsWith("A combined answer", result.Answer);
        Assert.Equal(11, result.Usage.Calls);
        Assert.Equal(11 * 10, result.Usage.InputTokens);
        Assert.Equal(BlobLayout.Trace("eight"), result.Trace);

        var stored = await host.Store.GetJsonAsync<SaveTraceRequest>(result.Trace, default);
        Assert.NotNull(stored);
        Assert.Equal(11, stored.Trace.Count);
        var generators = stored.Trace.Where(e => e.Request.Role == "generator").ToList();
        Assert.Equal(8, generators.Count);
        Assert.Equal(8, generators.Select(e => e.Request.ModelId).Distinct().Count());
        // All eight ran at the same time: the latest start is before the earliest end.
        var latestStart = generators.Max(e => e.Result.StartedAt);
        var earliestEnd = generators.Min(e => e.Result.StartedAt.AddMilliseconds(e.Result.LatencyMs));
        Assert.True(latestStart < earliestEnd, $"generators did not overlap: latest start {latestStart:O}, earliest end {earliestEnd:O}");
        Assert.Equal(8, invoker.PeakInFlight);
    }

    [Fact]
    public async Task RunAsync_BatchedLayerQuotedByABatchedLayer_OneBlobPerBatchAndEveryCallInTheTrace()
    {
        // 40 samples, then 40 unit-test evaluations quoting them: both layers go out as batched activities, the second
        // reading the first's answers back from the batch blobs through references.
        var invoker = new FakeModel(r => r.Role == "generator" ? $"Sample {r.SampleIndex:D2}: four, because two and two make four, shown step by step." : null);
        await using var host = await DurableTestHost.StartAsync(invoker);
        var architecture = new Core.Architecture.ArchitectureConfig
        {
            Name = "tests-then-forty-samples-then-evaluation",
            Layers =
            [
                new([new Core.Architecture.ComponentConfig { Type = Core.Architecture.ComponentTypes.UnitTestGenerator, Model = "m", UnitTestCap = 3 }]),
                new([new Core.Architecture.ComponentConfig { Type = Core.Architecture.ComponentTypes.Generator, Model = "m", Samples = 40 }]),
                new([new Core.Architecture.ComponentConfig { Type = Core.Architecture.ComponentTypes.UnitTestEvaluator, Model = "m" }]),
            ],
        };

        var done = await RunAsync(host, new InferenceRequest(Question, architecture), "batched");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        var stored = await host.Store.GetJsonAsync<SaveTraceRequest>(done.ReadOutputAs<InferenceResult>()!.Trace, default);
        Assert.Equal(81, stored!.Trace.Count);
        Assert.Equal(40, stored.Trace.Where(e => e.Request.Role == "generator").Select(e => e.Request.CallId).Distinct().Count());
        // The evaluator prompts were restored from the generator batches: each quotes its own sample in full.
        var evaluations = stored.Trace.Where(e => e.Request.Role == "unit_test_evaluator").ToList();
        Assert.Equal(40, evaluations.Count);
        Assert.All(evaluations, e => Assert.DoesNotContain("\u27e6archon:call:", e.Request.Messages[^1].Content, StringComparison.Ordinal));
        Assert.Equal(40, evaluations.Select(e => e.Request.Messages[^1].Content).Count(c => c.Contains("two and two make four", StringComparison.Ordinal)));
        var folder = Path.Combine(host.Root, BlobLayout.TracesContainer, "batched");
        Assert.Equal(64, Directory.GetFiles(Path.Combine(folder, "batches")).Length);
        Assert.Single(Directory.GetFiles(Path.Combine(folder, "calls")));
    }

    [Fact]
    public async Task RunAsync_Finished_CustomStatusReportsLastLayerAndCalls()
    {
        await using var host = await DurableTestHost.StartAsync(new FakeModel());

        var done = await RunAsync(host, new InferenceRequest(Question, TestArchitectures.EightGeneratorsCriticRankerFuser()), "status");

        var progress = done.ReadCustomStatusAs<InferenceProgress>()!;
        Assert.Equal(new[] { 4, 4, 11 }, new[] { progress.Layer, progress.Layers, progress.CallsSoFar });
        Assert.Equal("completed", progress.Phase);
    }

    [Fact]
    public async Task RunAsync_RegisteredName_ResolvesThroughActivity()
    {
        var invoker = new FakeModel();
        await using var host = await DurableTestHost.StartAsync(invoker, TestArchitectures.SingleGenerator("solo-arch"));

        var done = await RunAsync(host, new InferenceRequest(Question, ArchitectureName: "solo-arch"), "named");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("solo-arch", done.ReadOutputAs<InferenceResult>()!.Architecture);
        Assert.Equal("solo", Assert.Single(invoker.Calls).ModelId);
    }

    [Fact]
    public async Task RunAsync_UnknownName_FailsOnceNamingTheArchitecture()
    {
        var invoker = new FakeModel();
        await using var host = await DurableTestHost.StartAsync(invoker);

        var done = await RunAsync(host, new InferenceRequest(Question, ArchitectureName: "nope"), "unknown");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Contains("no registered architecture is named 'nope'", done.FailureDetails!.ErrorMessage);
        Assert.Empty(invoker.Calls);
    }

    [Fact]
    public async Task RunAsync_ModelKeepsFailing_FailsWithProviderErrorInStatus()
    {
        var invoker = new FakeModel { FailWith = _ => "HTTP 503 from provider: model overloaded" };
        await using var host = await DurableTestHost.StartAsync(invoker);

        var done = await RunAsync(host, new InferenceRequest(Question, TestArchitectures.EightGeneratorsCriticRankerFuser()), "failing");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Contains("HTTP 503 from provider: model overloaded", done.FailureDetails!.ErrorMessage);
        Assert.Contains("layer 0: all 8 model calls failed", done.FailureDetails.ErrorMessage);
        Assert.Equal(8, invoker.Calls.Count);
    }

    [Fact]
    public async Task RunAsync_ActivityThrowsOnce_DurableRetryRecoversWithoutDuplicateTraceEntries()
    {
        var invoker = new FakeModel { ThrowTimesPerCall = 1 };
        await using var host = await DurableTestHost.StartAsync(invoker);

        var done = await RunAsync(host, new InferenceRequest(Question, TestArchitectures.SingleGenerator()), "retry");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(2, invoker.Calls.Count);
        Assert.Equal(1, done.ReadOutputAs<InferenceResult>()!.Usage.Calls);
    }

    [Fact]
    public async Task RunAsync_BatchedActivityThrowsOnce_RetryRunsEveryCallWithItsRealPrompt()
    {
        // 40 samples go out as 32 batch activities. Each batch's first attempt fails; its retry is scheduled in a later
        // episode from the input kept by the retry handler, which on replay was never built (ReplayDeferredInput).
        var invoker = new FakeModel { ThrowTimesPerCall = 1 };
        await using var host = await DurableTestHost.StartAsync(invoker);
        var architecture = TestArchitectures.Arch("forty", [TestArchitectures.C("generator", "m", samples: 40)]);

        var done = await RunAsync(host, new InferenceRequest(Question, architecture), "batch-retry");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(40, done.ReadOutputAs<InferenceResult>()!.Usage.Calls);
        Assert.Equal(80, invoker.Calls.Count);
        Assert.All(invoker.Calls, call => Assert.Equal(Question[0].Content, call.Messages[^1].Content));
    }

    [Fact]
    public async Task RunAsync_BudgetTooSmallForTheFanOut_FailsWithBudgetErrorWithinTheLimit()
    {
        var invoker = new FakeModel();
        await using var host = await DurableTestHost.StartAsync(invoker);
        var request = new InferenceRequest(Question, TestArchitectures.EightGeneratorsCriticRankerFuser(), Budget: new QueryBudget { MaxCalls = 5 });

        var done = await RunAsync(host, request, "budget");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.EndsWith(nameof(BudgetExceededException), done.FailureDetails!.ErrorType);
        Assert.Contains("over the limit of 5", done.FailureDetails.ErrorMessage);
        // Each generator reserves its own batch: five fit, the sixth is refused, nothing beyond the limit is sent.
        Assert.True(invoker.Calls.Count <= 5, string.Join(", ", invoker.Calls.Select(c => c.CallId)));
    }
}
