using Archon.Core.Execution;
using Archon.Core.Storage;
using Archon.Durable.Contracts;
using Archon.Durable.Orchestrations;
using Archon.LocalHost.Inline;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Archon.Durable.Tests.Inline;

/// <summary>
/// The inline host runs the same inference orchestration as the embedded Durable host; each test here runs a request on
/// the inline client and, where outcomes are compared, on the Durable client of the same host.
/// </summary>
public sealed class InlineInferenceClientTests
{
    private static readonly IReadOnlyList<ChatTurn> Question = [new("user", "What is 2+2?")];

    private static InlineInferenceClient Inline(DurableTestHost host) =>
        new(host.Host.Client, host.Host.Services, () => new ArchitectureRunner(), TimeProvider.System);

    private static async Task<OrchestrationMetadata> RunAsync(DurableTaskClient client, InferenceRequest request, string id)
    {
        await client.ScheduleNewOrchestrationInstanceAsync(nameof(InferenceOrchestration), request, new StartOrchestrationOptions(id));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        return await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
    }

    [Fact]
    public async Task ScheduleNew_Inference_RunsInProcessAndStoresEveryCallAndTheTrace()
    {
        var invoker = new FakeModel { HoldUntilInFlight = 8 };
        await using var host = await DurableTestHost.StartAsync(invoker);
        var client = Inline(host);

        var done = await RunAsync(client, new InferenceRequest(Question, TestArchitectures.EightGeneratorsCriticRankerFuser()), "inline-eight");

        Assert.True(done.RuntimeStatus == OrchestrationRuntimeStatus.Completed, done.FailureDetails?.ToString());
        var output = done.ReadOutputAs<InferenceResult>()!;
        Assert.NotNull(output.Answer);
        Assert.Equal(11, output.Usage.Calls);
        Assert.Equal(8, invoker.PeakInFlight);
        var saved = await host.Store.GetJsonAsync<SaveTraceRequest>(output.Trace, CancellationToken.None);
        Assert.Equal(11, saved!.Trace.Count);
        Assert.Equal(output.Answer, saved.Answer);
        Assert.Equal(1, client.InlineStarted);
        Assert.Null(await host.Host.Client.GetInstanceAsync("inline-eight"));
        Assert.Equal("completed", done.ReadCustomStatusAs<InferenceProgress>()!.Phase);
    }

    [Fact]
    public async Task ScheduleNew_AnotherOrchestration_GoesToTheDurableHost()
    {
        await using var host = await DurableTestHost.StartAsync(new FakeModel());
        var client = Inline(host);

        await client.ScheduleNewOrchestrationInstanceAsync("NoSuchOrchestration", null, new StartOrchestrationOptions("elsewhere"));

        Assert.Equal(0, client.InlineStarted);
        Assert.NotNull(await host.Host.Client.GetInstanceAsync("elsewhere"));
        Assert.NotNull(await client.GetInstanceAsync("elsewhere"));
    }

    [Fact]
    public async Task ScheduleNew_ActivityThrowsOnce_ItsRetryPolicyRecovers()
    {
        var invoker = new FakeModel { ThrowTimesPerCall = 1 };
        await using var host = await DurableTestHost.StartAsync(invoker);

        var done = await RunAsync(Inline(host), new InferenceRequest(Question, TestArchitectures.SingleGenerator()), "inline-retry");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(2, invoker.Calls.Count);
        Assert.Equal(1, done.ReadOutputAs<InferenceResult>()!.Usage.Calls);
    }

    [Fact]
    public async Task ScheduleNew_UnknownArchitecture_FailsAsTheDurableHostDoes()
    {
        var invoker = new FakeModel();
        await using var host = await DurableTestHost.StartAsync(invoker);
        var request = new InferenceRequest(Question, ArchitectureName: "nope");

        var inline = await RunAsync(Inline(host), request, "inline-unknown");
        var durable = await RunAsync(host.Host.Client, request, "durable-unknown");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, inline.RuntimeStatus);
        Assert.Contains("no registered architecture is named 'nope'", inline.FailureDetails!.ErrorMessage);
        Assert.Equal(durable.RuntimeStatus, inline.RuntimeStatus);
        Assert.Equal(durable.FailureDetails!.ErrorType, inline.FailureDetails.ErrorType);
        Assert.Empty(invoker.Calls);
    }

    [Fact]
    public async Task ScheduleNew_BudgetTooSmall_FailsWithTheBudgetErrorAsTheDurableHostDoes()
    {
        var invoker = new FakeModel();
        await using var host = await DurableTestHost.StartAsync(invoker);
        var request = new InferenceRequest(Question, TestArchitectures.EightGeneratorsCriticRankerFuser(), Budget: new QueryBudget { MaxCalls = 5 });

        var inline = await RunAsync(Inline(host), request, "inline-budget");
        var durable = await RunAsync(host.Host.Client, request, "durable-budget");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, inline.RuntimeStatus);
        Assert.EndsWith(nameof(BudgetExceededException), inline.FailureDetails!.ErrorType);
        Assert.Equal(durable.FailureDetails!.ErrorMessage, inline.FailureDetails.ErrorMessage);
    }

    [Fact]
    public async Task ScheduleNew_SameInstanceIdTwice_RefusesTheSecond()
    {
        await using var host = await DurableTestHost.StartAsync(new FakeModel());
        var client = Inline(host);
        var request = new InferenceRequest(Question, TestArchitectures.SingleGenerator());
        await client.ScheduleNewOrchestrationInstanceAsync(nameof(InferenceOrchestration), request, new StartOrchestrationOptions("twice"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            client.ScheduleNewOrchestrationInstanceAsync(nameof(InferenceOrchestration), request, new StartOrchestrationOptions("twice")));

        Assert.Contains("instance id 'twice' already exists", error.Message);
    }

    [Fact]
    public async Task RaiseEvent_ClientCancellationBeforeTheRunWaits_IsDeliveredAndEndsTheRun()
    {
        // The event is raised before the orchestrator starts waiting for it: the inline instance buffers it, as Durable does.
        var invoker = new FakeModel();
        await using var host = await DurableTestHost.StartAsync(invoker);
        var client = Inline(host);
        var request = new InferenceRequest(Question, TestArchitectures.EightGeneratorsCriticRankerFuser(), StreamId: "inline-gone");
        await client.ScheduleNewOrchestrationInstanceAsync(nameof(InferenceOrchestration), request, new StartOrchestrationOptions("inline-gone"));
        await client.RaiseEventAsync("inline-gone", ClientCancellation.EventName, "client disconnected");

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var done = await client.WaitForInstanceCompletionAsync("inline-gone", getInputsAndOutputs: true, timeout.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        var output = done.ReadOutputAs<InferenceResult>()!;
        Assert.True(output.Cancelled);
        Assert.Null(output.Answer);
        Assert.True(invoker.Calls.Count < 11, $"{invoker.Calls.Count} calls ran after the client was gone");
    }
}
