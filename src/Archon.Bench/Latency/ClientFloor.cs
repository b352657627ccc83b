using System.ClientModel;
using System.Diagnostics;
using OpenAI;
using OpenAI.Chat;

namespace Archon.Bench.Latency;

/// <summary>
/// What the plan's calls cost with nothing of Archon's around them: the OpenAI .NET SDK alone (one client per model, a
/// semaphore of the cap per model) sends each stage's calls to the same loopback endpoint, stage after stage, with the
/// bench's one short prompt. Any host that makes these calls through the real SDK on this machine takes at least this
/// long, so <c>client_floor_ratio</c> is the lowest ratio the bench can report here: the distance from 1.0 is the
/// machine's (client, sockets and model on the same cores), the distance from the floor is the host's.
/// Prompts are shorter than the architecture's later layers send, so the floor is, if anything, too low.
/// </summary>
public static class ClientFloor
{
    private static readonly ChatMessage[] Messages = [new UserChatMessage(LatencyBenchmark.Prompt[0].Content)];

    /// <summary><paramref name="measured"/> with the floor of its plan added when <see cref="LatencyBenchOptions.ClientFloor"/> asks for it.</summary>
    public static async Task<LatencyBenchmarkResult> WhenAskedAsync(
        LatencyBenchmarkResult measured, LatencyBenchOptions options, Uri endpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(measured);
        ArgumentNullException.ThrowIfNull(options);
        if (!options.ClientFloor)
        {
            return measured;
        }

        var floorMs = await MeasureAsync(options.Plan(), endpoint, options.MaxConcurrency, options.Runs, cancellationToken).ConfigureAwait(false);
        return measured.WithClientFloor(floorMs);
    }

    /// <summary>Median milliseconds of <paramref name="runs"/> runs of the plan's calls, after one unmeasured run.</summary>
    public static async Task<double> MeasureAsync(CriticalPathPlan plan, Uri endpoint, int cap, int runs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentOutOfRangeException.ThrowIfLessThan(cap, 1);
        var models = plan.Layers.SelectMany(l => l.Stages).SelectMany(s => s.Keys).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var openai = new OpenAIClient(
            new ApiKeyCredential("no-key-needed"), new OpenAIClientOptions { Endpoint = endpoint, NetworkTimeout = TimeSpan.FromMinutes(2) });
        var clients = models.ToDictionary(m => m, m => (Client: openai.GetChatClient(m), Gate: new SemaphoreSlim(cap)), StringComparer.OrdinalIgnoreCase);
        try
        {
            await RunAsync(plan, clients, cancellationToken).ConfigureAwait(false);
            var times = new List<double>();
            for (var i = 0; i < Math.Max(1, runs); i++)
            {
                var clock = Stopwatch.StartNew();
                await RunAsync(plan, clients, cancellationToken).ConfigureAwait(false);
                times.Add(clock.Elapsed.TotalMilliseconds);
            }

            return times.Order().ElementAt(times.Count / 2);
        }
        finally
        {
            foreach (var (_, gate) in clients.Values)
            {
                gate.Dispose();
            }
        }
    }

    private static async Task RunAsync(
        CriticalPathPlan plan, Dictionary<string, (ChatClient Client, SemaphoreSlim Gate)> clients, CancellationToken cancellationToken)
    {
        foreach (var stage in plan.Layers.SelectMany(l => l.Stages))
        {
            var calls = stage.SelectMany(kv => Enumerable.Repeat(clients[kv.Key], kv.Value));
            await Task.WhenAll(calls.Select(c => CallAsync(c.Client, c.Gate, cancellationToken))).ConfigureAwait(false);
        }
    }

    private static async Task CallAsync(ChatClient client, SemaphoreSlim gate, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var completion = await client.CompleteChatAsync(Messages, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (completion.Value.Content.Count == 0)
            {
                throw new InvalidOperationException("bench latency: a floor call came back without content");
            }
        }
        finally
        {
            gate.Release();
        }
    }
}
