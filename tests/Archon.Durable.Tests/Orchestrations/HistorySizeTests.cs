using Archon.Core.Execution;
using Archon.Durable.Contracts;
using Archon.Durable.Orchestrations;
using Archon.LocalHost;
using Microsoft.DurableTask.Client;
using Xunit.Abstractions;

namespace Archon.Durable.Tests.Orchestrations;

/// <summary>
/// "Refs, not payloads": the history of an inference must not carry the trace, the states or the prompts built from
/// earlier answers. Measured on the 8 generators → critic → ranker → fuser query with answers of two lengths, so the
/// bound is on how history grows with answer size, not on one magic number.
/// </summary>
public sealed class HistorySizeTests(ITestOutputHelper output)
{
    private static readonly IReadOnlyList<ChatTurn> Question = [new("user", "Explain why the sky is blue.")];

    private static async Task<OrchestrationHistorySize> MeasureAsync(int answerChars)
    {
        var meter = new OrchestrationHistoryMeter();
        var answer = new string('x', answerChars);
        var invoker = new FakeModel(r => r.Role is "generator" or "fuser" ? answer : null);
        await using var host = await DurableTestHost.StartAsync(invoker, null, meter);
        var id = $"history-{answerChars}";
        await host.Host.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(InferenceOrchestration), new InferenceRequest(Question, TestArchitectures.EightGeneratorsCriticRankerFuser()), new Microsoft.DurableTask.StartOrchestrationOptions(id));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var done = await host.Host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        return meter.Of(id) ?? throw new InvalidOperationException("the meter saw no history");
    }

    [Fact]
    public async Task RunAsync_EightGeneratorsCriticRankerFuser_HistoryCarriesEachAnswerAboutOnce()
    {
        const int Short = 500;
        const int Long = 4500;
        var small = await MeasureAsync(Short);
        var large = await MeasureAsync(Long);
        output.WriteLine($"answers {Short} chars: {small.Events} events, {small.Bytes} bytes of history ({small.PayloadBytes} payload)");
        output.WriteLine($"answers {Long} chars: {large.Events} events, {large.Bytes} bytes of history ({large.PayloadBytes} payload)");

        // Nine answers of the scripted length (8 generators + fuser). Each should travel through history about once
        // (its activity's result); copies in prompts, traces or states would multiply the growth.
        var growthPerAnswerChar = (double)(large.Bytes - small.Bytes) / (9 * (Long - Short));
        Assert.True(growthPerAnswerChar < 1.5, $"history grows {growthPerAnswerChar:0.00} bytes per answer character (bound 1.5)");
    }
}
