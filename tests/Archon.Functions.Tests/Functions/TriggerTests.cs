using Archon.Durable.Contracts;
using Archon.LocalHost;
using Archon.Durable.Orchestrations;
using Archon.Functions.Functions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;

namespace Archon.Functions.Tests.Functions;

/// <summary>
/// The timer trigger's body with a real <see cref="DurableTaskClient"/> from the embedded host. A stand-in search
/// orchestration (same name) waits for an event, so "still running" is real, not faked.
/// </summary>
public sealed class TriggerTests : IAsyncLifetime
{
    private EmbeddedDurableHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await EmbeddedDurableHost.StartAsync(_ => { }, new EmbeddedDurableHostOptions
        {
            ConfigureTasks = registry => registry.AddOrchestratorFunc<SearchRequest, string>(SearchNames.Orchestration, async (context, input) =>
            {
                await context.WaitForExternalEvent<string>("finish");
                return input.SearchId;
            }),
        });
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static ScheduledSearchTrigger Trigger(string? spec, string id = "nightly") =>
        new(new ScheduledSearchOptions { SearchId = id, SpecJson = spec }, NullLogger<ScheduledSearchTrigger>.Instance);

    [Fact]
    public async Task RunAsync_SameIdStillRunning_DoesNotStartASecondRun()
    {
        var first = await Trigger(TestSpecs.Valid(1)).RunAsync(_host.Client, default);
        // A second run would carry this other spec as its input.
        var second = await Trigger(TestSpecs.Valid(2)).RunAsync(_host.Client, default);

        Assert.Equal(ScheduledSearchStatus.Started, first.Status);
        Assert.Equal(ScheduledSearchStatus.AlreadyRunning, second.Status);
        var instance = await _host.Client.GetInstanceAsync("nightly", getInputsAndOutputs: true);
        Assert.Equal(TestSpecs.Valid(1), instance!.ReadInputAs<SearchRequest>()!.SpecJson);
    }

    [Fact]
    public async Task RunAsync_PreviousRunFinished_StartsAgainUnderTheSameId()
    {
        var trigger = Trigger(TestSpecs.Valid(3), "weekly");
        await trigger.RunAsync(_host.Client, default);
        await _host.Client.RaiseEventAsync("weekly", "finish", "done");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _host.Client.WaitForInstanceCompletionAsync("weekly", timeout.Token);

        var again = await trigger.RunAsync(_host.Client, default);

        Assert.Equal(ScheduledSearchStatus.Started, again.Status);
        var instance = await _host.Client.GetInstanceAsync("weekly");
        Assert.True(instance!.RuntimeStatus is OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Running);
    }

    [Theory]
    [InlineData(null, ScheduledSearchStatus.NotConfigured)]
    [InlineData("{oops", ScheduledSearchStatus.InvalidSpec)]
    [InlineData("""{"algorithm": "astrology"}""", ScheduledSearchStatus.InvalidSpec)]
    public async Task RunAsync_MissingOrInvalidSpec_StartsNothing(string? spec, ScheduledSearchStatus expected)
    {
        var result = await Trigger(spec, "unset").RunAsync(_host.Client, default);

        Assert.Equal(expected, result.Status);
        Assert.Null(await _host.Client.GetInstanceAsync("unset"));
    }

    [Fact]
    public async Task TimerFunction_Wrapper_StartsTheConfiguredSearch()
    {
        var function = new TimerFunctions(Trigger(TestSpecs.Valid(4), "from-timer"));

        await function.ScheduledSearch(new Microsoft.Azure.Functions.Worker.TimerInfo(), _host.Client, new TestFunctionContext());

        Assert.NotNull(await _host.Client.GetInstanceAsync("from-timer"));
    }
}
