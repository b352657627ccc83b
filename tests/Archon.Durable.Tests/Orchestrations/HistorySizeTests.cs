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

    [Fact]
    public async Task RunAsync_HundredSamplesOfALongPrompt_HistoryHoldsThePromptAboutOncePerBatch()
    {
        // 100 samples go out as 32 batches; each batch sends one conversation, so history should hold the 6,000-character
        // prompt about 32 times (once per batch input) plus the orchestration's own input and state (14 copies measured),
        // not once per call (114 copies measured without sharing).
        var meter = new OrchestrationHistoryMeter();
        await using var host = await DurableTestHost.StartAsync(new FakeModel(_ => "ok"), null, meter);
        var prompt = new string('p', 6000);
        var architecture = new Core.Architecture.ArchitectureConfig
        {
            Name = "hundred-samples",
            Layers = [new([new Core.Architecture.ComponentConfig { Type = Core.Architecture.ComponentTypes.Generator, Model = "m", Samples = 100 }])],
        };
        await host.Host.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(InferenceOrchestration),
            new InferenceRequest([new("user", prompt)], architecture),
            new Microsoft.DurableTask.StartOrchestrationOptions("hundred"));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var done = await host.Host.Client.WaitForInstanceCompletionAsync("hundred", getInputsAndOutputs: true, timeout.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);

        var size = meter.Of("hundred")!;
        output.WriteLine($"100 samples of a {prompt.Length}-character prompt: {size.Events} events, {size.PayloadBytes} payload bytes");
        Assert.True(size.PayloadBytes < 60 * prompt.Length, $"history payload {size.PayloadBytes} bytes: more than 60 copies of the prompt");
    }
}
