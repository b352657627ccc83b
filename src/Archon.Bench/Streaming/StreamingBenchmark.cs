using System.Diagnostics;
using System.Text;
using Archon.Core.Architecture;
using Archon.Core.Execution;
using Archon.Core.Providers;
using Archon.Core.Storage;
using Archon.Core.Streaming;
using Archon.Durable.Architectures;
using Archon.Durable.Contracts;
using Archon.Http;
using Archon.LocalHost;
using Archon.Offline.Loopback;
using Microsoft.Extensions.DependencyInjection;

namespace Archon.Bench.Streaming;

/// <summary>
/// `archon bench stream`: time to first token vs time to the full answer of a streamed chat completion through
/// `archon serve` (Kestrel + embedded Durable host, real provider stack, OpenAI SSE both ways). Architecture: 2
/// generators → fuser → final fuser; earlier calls answer after <c>latency</c>; the final fuser streams
/// <c>tokens</c> tokens, each after <c>tokenDelay</c> (so its own first-token delay is one token delay).
/// When the earlier layers finished comes from the stored trace (end of the last non-final call).
/// </summary>
public static class StreamingBenchmark
{
    private const string Final = "final";

    public static async Task<StreamingBenchmarkResult> RunAsync(TimeSpan latency, TimeSpan tokenDelay, int tokens, int runs, CancellationToken cancellationToken)
    {
        var answer = string.Join(' ', Enumerable.Range(1, Math.Max(1, tokens)).Select(i => $"w{i}"));
        var arrivals = new FinalArrivals();
        await using var models = LoopbackModelServer.Start(async (exchange, ct) =>
        {
            if (exchange.Model == Final)
            {
                arrivals.Last = TimeProvider.System.GetUtcNow();
                return new LoopbackReply { Text = answer, TokenDelay = tokenDelay };
            }

            await Task.Delay(latency, ct).ConfigureAwait(false);
            return LoopbackReply.Ok(CannedResponder.Respond(exchange.Messages));
        });
        var catalog = new ModelCatalog(
            [Entry("gen", models), Entry(Final, models)], "bench-stream-catalog");
        await using var factory = new ModelClientFactory(catalog);
        var root = Path.Combine(Path.GetTempPath(), $"archon-bench-stream-{Guid.NewGuid():N}");
        var store = new FileResultStore(root);
        var architecture = Architecture();
        var relay = new FirstDeltaRelay(new InMemoryStreamRelay(), TimeProvider.System);
        try
        {
            await using var server = await ArchonApiServer.StartAsync(new ArchonApiServerOptions(), services =>
            {
                services.AddSingleton<IModelInvoker>(new ChatClientModelInvoker(factory));
                services.AddSingleton<IResultStore>(store);
                services.AddSingleton<IArchitectureCatalog>(new InMemoryArchitectureCatalog([architecture]));
                services.AddSingleton<IStreamRelay>(relay);
            }, cancellationToken).ConfigureAwait(false);
            using var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
            await RunOnceAsync(http, store, relay, arrivals, answer, cancellationToken).ConfigureAwait(false);
            var samples = new List<Sample>();
            for (var i = 0; i < Math.Max(1, runs); i++)
            {
                var sample = await RunOnceAsync(http, store, relay, arrivals, answer, cancellationToken).ConfigureAwait(false);
                samples.Add(sample with { DirectFirstTokenMs = await DirectFirstTokenAsync(factory.GetClient(Final), cancellationToken).ConfigureAwait(false) });
            }

            var delayMs = tokenDelay.TotalMilliseconds;
            return new StreamingBenchmarkResult(
                samples.Count,
                Median(samples, s => s.FirstTokenMs),
                Median(samples, s => s.FullMs),
                Median(samples, s => s.EarlierDoneMs),
                Median(samples, s => s.DirectFirstTokenMs),
                Median(samples, s => s.FirstTokenMs - s.EarlierDoneMs - s.DirectFirstTokenMs),
                tokens,
                delayMs,
                Median(samples, s => s.FinalStartedMs - s.EarlierDoneMs),
                Median(samples, s => s.FinalArrivedMs - s.FinalStartedMs),
                Median(samples, s => s.FirstRelayedMs - s.FinalArrivedMs - delayMs),
                Median(samples, s => s.FirstTokenMs - s.FirstRelayedMs),
                samples.Max(s => s.FirstTokenMs - s.EarlierDoneMs - s.DirectFirstTokenMs),
                Median(samples, s => s.FirstTokenMs - s.EarlierDoneMs - delayMs));
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    public static ArchitectureConfig Architecture() => new()
    {
        Name = "bench-stream",
        Layers =
        [
            new LayerConfig([new ComponentConfig { Type = ComponentTypes.Generator, Model = "gen", Samples = 2 }]),
            new LayerConfig([new ComponentConfig { Type = ComponentTypes.Fuser, Model = "gen" }]),
            new LayerConfig([new ComponentConfig { Type = ComponentTypes.Fuser, Model = Final }]),
        ],
    };

    private static async Task<Sample> RunOnceAsync(HttpClient http, IResultStore store, FirstDeltaRelay relay, FinalArrivals arrivals, string answer, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/chat/completions")
        {
            Content = new StringContent("""{"model":"bench-stream","stream":true,"messages":[{"role":"user","content":"Why is the sky blue?"}]}""", Encoding.UTF8, "application/json"),
        };
        var sentAt = TimeProvider.System.GetUtcNow();
        var clock = Stopwatch.StartNew();
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false));
        double? first = null;
        string? id = null;
        var text = new StringBuilder();
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line && line != "data: [DONE]")
        {
            if (line.StartsWith("id: ", StringComparison.Ordinal))
            {
                id ??= line[4..line.LastIndexOf(':')];
            }
            else if (line.StartsWith("data: {", StringComparison.Ordinal) && SseContent(line[6..]) is { Length: > 0 } piece)
            {
                first ??= clock.Elapsed.TotalMilliseconds;
                text.Append(piece);
            }
        }

        var full = clock.Elapsed.TotalMilliseconds;
        if (text.ToString() != answer || first is null || id is null)
        {
            throw new InvalidOperationException($"bench stream: expected the {answer.Length}-character answer, got '{text}'");
        }

        var trace = await WaitForTraceAsync(store, id, cancellationToken).ConfigureAwait(false);
        var earlierDone = trace.Trace.Where(e => e.Request.ModelId != Final).Max(e => e.Result.StartedAt.AddMilliseconds(e.Result.LatencyMs));
        var finalStarted = trace.Trace.Single(e => e.Request.ModelId == Final).Result.StartedAt;
        var relayed = relay.FirstDeltaAt(id) ?? throw new InvalidOperationException($"bench stream: no token of {id} went through the relay");
        return new Sample(first.Value, full, (earlierDone - sentAt).TotalMilliseconds, (finalStarted - sentAt).TotalMilliseconds, (relayed - sentAt).TotalMilliseconds,
            (arrivals.Last - sentAt).TotalMilliseconds);
    }

    /// <summary>
    /// The final model's own first-token delay as a client sees it: one streamed call straight to it through the same
    /// provider stack (no architecture, no Durable, no relay), right after each run so it sees the same machine load.
    /// </summary>
    private static async Task<double> DirectFirstTokenAsync(Microsoft.Extensions.AI.IChatClient client, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await foreach (var update in client.GetStreamingResponseAsync([new Microsoft.Extensions.AI.ChatMessage(Microsoft.Extensions.AI.ChatRole.User, "Why is the sky blue?")], null, cancellationToken).ConfigureAwait(false))
        {
            if (update.Text.Length > 0)
            {
                return clock.Elapsed.TotalMilliseconds;
            }
        }

        throw new InvalidOperationException("bench stream: the final model streamed no text when called directly");
    }

    private static async Task<SaveTraceRequest> WaitForTraceAsync(IResultStore store, string id, CancellationToken cancellationToken)
    {
        // The trace is saved by the orchestration right after the answer; the stream can end a moment before that.
        for (var attempt = 0; ; attempt++)
        {
            if (await store.GetJsonAsync<SaveTraceRequest>(BlobLayout.Trace(id), cancellationToken).ConfigureAwait(false) is { } trace)
            {
                return trace;
            }

            if (attempt > 200)
            {
                throw new InvalidOperationException($"bench stream: no trace for {id}");
            }

            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string? SseContent(string json)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var choices = doc.RootElement.GetProperty("choices");
        return choices.GetArrayLength() > 0 && choices[0].GetProperty("delta").TryGetProperty("content", out var c) ? c.GetString() : null;
    }

    private static double Median(List<Sample> samples, Func<Sample, double> pick) =>
        samples.Select(pick).Order().ElementAt(samples.Count / 2);

    private static ModelEntry Entry(string id, LoopbackModelServer server) => new()
    {
        Id = id, Provider = "openai-compatible", Endpoint = server.OpenAIBaseUri.ToString(), ProviderModel = id, MaxConcurrency = 64,
    };

    private sealed record Sample(double FirstTokenMs, double FullMs, double EarlierDoneMs, double FinalStartedMs, double FirstRelayedMs, double FinalArrivedMs)
    {
        public double DirectFirstTokenMs { get; init; }
    }

    /// <summary>When the final model last received a request (runs are sequential: one final request at a time).</summary>
    private sealed class FinalArrivals
    {
        public DateTimeOffset Last { get; set; }
    }
}
