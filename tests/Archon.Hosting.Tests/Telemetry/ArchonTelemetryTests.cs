using System.Collections.Concurrent;
using System.Diagnostics;
using Archon.Core.Execution;
using Archon.Durable.Contracts;
using Archon.Durable.Orchestrations;
using Archon.Durable.Telemetry;
using Archon.Hosting.Telemetry;
using Microsoft.DurableTask;

namespace Archon.Hosting.Tests.Telemetry;

public sealed class ArchonTelemetryTests
{
    [Fact]
    public async Task InferenceOrchestration_Run_EmitsModelCallLayerAndOrchestrationSpans()
    {
        var spans = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ArchonTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(listener);
        await using var host = await DurableTestHost.StartAsync(new FakeModel { InputTokens = 12, OutputTokens = 7, CostUsd = 0.002m });
        var architecture = TestArchitectures.Arch("tele", [TestArchitectures.C("generator", "tele-a"), TestArchitectures.C("generator", "tele-b")], [TestArchitectures.C("fuser", "tele-f")]);

        await host.Host.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(InferenceOrchestration), new InferenceRequest([new ChatTurn("user", "hi")], architecture), new StartOrchestrationOptions("tele-1"));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await host.Host.Client.WaitForInstanceCompletionAsync("tele-1", timeout.Token);

        var calls = spans.Where(s => s.OperationName == "archon.model_call" && ((string?)s.GetTagItem("archon.model"))?.StartsWith("tele-", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(3, calls.Count);
        var fuser = Assert.Single(calls, s => (string?)s.GetTagItem("archon.model") == "tele-f");
        Assert.Equal("fuser", fuser.GetTagItem("archon.role"));
        Assert.Equal(12, fuser.GetTagItem("archon.input_tokens"));
        Assert.Equal(7, fuser.GetTagItem("archon.output_tokens"));
        Assert.Equal(0, fuser.GetTagItem("archon.retries"));
        Assert.Equal(0.002, (double)fuser.GetTagItem("archon.cost_usd")!, 6);

        var layers = spans.Where(s => s.OperationName == "archon.layer" && (string?)s.GetTagItem("archon.instance_id") == "tele-1").ToList();
        Assert.Equal([0, 1], layers.Select(s => (int)s.GetTagItem("archon.layer")!).Order());
        var orchestration = Assert.Single(spans, s => s.OperationName.StartsWith("archon.orchestration", StringComparison.Ordinal) && (string?)s.GetTagItem("archon.instance_id") == "tele-1");
        Assert.Equal(3, orchestration.GetTagItem("archon.calls"));
    }
}
