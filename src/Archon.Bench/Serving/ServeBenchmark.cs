using System.ClientModel;
using System.Diagnostics;
using Archon.Bench.Latency;
using Archon.Core.Architecture;
using Archon.Core.Providers;
using Archon.Core.Storage;
using Archon.Durable.Architectures;
using Archon.Hosting;
using Archon.LocalHost;
using Archon.Offline.Loopback;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenAI;
using OpenAI.Chat;

namespace Archon.Bench.Serving;

/// <summary>
/// `archon bench serve`: the cost of the serving hop. A one-call architecture (one generator) behind `archon serve`
/// (<see cref="ArchonApiServer"/> in process: Kestrel on loopback, embedded Durable host, file store) against the same
/// loopback model called directly, both with the OpenAI .NET SDK over real HTTP: sequential requests (p50, p99) and
/// requests at 32 in flight (requests per second). With <see cref="ServeBenchOptions.Floors"/>, two more sides: the
/// <see cref="PassThroughProxy"/> in front of the same model, bare (the floor of any serving hop on the machine) and
/// storing a call entry and a trace per request (the floor of a hop that keeps what a served request must keep).
/// Warm-up requests on every side are not measured; they repeat (sequential and concurrent, every side) until the JIT
/// has settled, at most <see cref="ServeBenchOptions.MaxWarmupRounds"/> rounds.
/// </summary>
public static class ServeBenchmark
{
    public const string ArchitectureName = "bench-serve-one-call";
    public const string ModelId = "bench/model";

    public static ArchitectureConfig Architecture() => new()
    {
        Name = ArchitectureName,
        Layers = [new LayerConfig([new ComponentConfig { Type = ComponentTypes.Generator, Model = ModelId, MaxTokens = 256 }])],
    };

    public static async Task<ServeBenchResult> RunAsync(ServeBenchOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Validate() is { } problem)
        {
            throw new ArgumentException(problem);
        }

        await using var model = LoopbackModelServer.StartCanned(options.Latency);
        var root = Path.Combine(Path.GetTempPath(), $"archon-bench-serve-{Guid.NewGuid():N}");
        var store = new FileResultStore(root);
        try
        {
            var serverOptions = new ArchonApiServerOptions { Port = 0, Inference = options.Inference };
            // Far above the bench's 32 in flight: the limit must not be what is measured.
            serverOptions.Api.ChatCompletionTimeoutSeconds = 120;
            await using var server = await ArchonApiServer.StartAsync(serverOptions, services =>
            {
                services.AddSingleton<IResultStore>(store);
                services.AddArchon(new ConfigurationBuilder().Build(), o =>
                {
                    o.Catalog = LatencyBenchmark.Catalog(model, maxConcurrency: 1024);
                    o.Cache = ResponseCacheLocation.None;
                });
                services.AddSingleton<IArchitectureCatalog>(new InMemoryArchitectureCatalog([Architecture()]));
            }, cancellationToken).ConfigureAwait(false);

            // The floors (only when asked): the same requests through a pass-through proxy, bare and storing.
            await using var proxy = options.Floors ? PassThroughProxy.Start(model.BaseUri) : null;
            await using var storingProxy = options.Floors ? PassThroughProxy.Start(model.BaseUri, new FileResultStore(Path.Combine(root, "proxy"))) : null;
            List<ChatClient> sides = [Client(model.OpenAIBaseUri, ModelId), Client(new Uri(server.BaseAddress, "api/v1/"), ArchitectureName)];
            sides.AddRange(new[] { proxy, storingProxy }.OfType<PassThroughProxy>().Select(p => Client(new Uri(p.BaseUri, "v1/"), ModelId)));
            // Warm-up rounds until the JIT has settled (JitWarmup); connections and thread-pool threads for 32 in flight
            // exist before the concurrent rounds are timed.
            await JitWarmup.RunAsync(async _ =>
            {
                foreach (var side in sides)
                {
                    await SequentialAsync(side, options.WarmupRequests, cancellationToken).ConfigureAwait(false);
                }

                foreach (var side in sides)
                {
                    await ConcurrentAsync(side, 2 * options.Concurrency, options.Concurrency, cancellationToken).ConfigureAwait(false);
                }
            }, options.MaxWarmupRounds).ConfigureAwait(false);

            var sequential = new List<List<double>>();
            foreach (var side in sides)
            {
                sequential.Add(await SequentialAsync(side, options.Requests, cancellationToken).ConfigureAwait(false));
            }

            var measured = new List<ServeSide>();
            for (var i = 0; i < sides.Count; i++)
            {
                var rps = await ConcurrentAsync(sides[i], options.ConcurrentRequests, options.Concurrency, cancellationToken).ConfigureAwait(false);
                measured.Add(new ServeSide(sequential[i], rps));
            }

            return Figures(measured[0], measured[1], measured.ElementAtOrDefault(2), measured.ElementAtOrDefault(3));
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    /// <summary>The figures from each side's sequential latencies and requests per second; the proxies' when measured.</summary>
    public static ServeBenchResult Figures(ServeSide direct, ServeSide served, ServeSide? proxy = null, ServeSide? storingProxy = null)
    {
        ArgumentNullException.ThrowIfNull(direct);
        ArgumentNullException.ThrowIfNull(served);
        // Percentiles are rounded before the overhead is taken, so the printed overhead is exactly served minus direct.
        var (d50, d99) = (Math.Round(Percentile(direct.SequentialMs, 0.50), 2), Math.Round(Percentile(direct.SequentialMs, 0.99), 2));
        var (s50, s99) = (Math.Round(Percentile(served.SequentialMs, 0.50), 2), Math.Round(Percentile(served.SequentialMs, 0.99), 2));
        return new ServeBenchResult(d50, s50, Math.Round(s50 - d50, 2), Math.Round(s99 - d99, 2), Math.Round(served.Rps, 1), Math.Round(direct.Rps, 1))
        {
            ProxyP50Ms = proxy is null ? null : Math.Round(Percentile(proxy.SequentialMs, 0.50), 2),
            ProxyRps32 = proxy is null ? null : Math.Round(proxy.Rps, 1),
            StoringProxyP50Ms = storingProxy is null ? null : Math.Round(Percentile(storingProxy.SequentialMs, 0.50), 2),
            StoringProxyRps32 = storingProxy is null ? null : Math.Round(storingProxy.Rps, 1),
        };
    }

    /// <summary>Nearest-rank percentile (p in 0..1) of the values.</summary>
    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("no values", nameof(values));
        }

        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(p * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    private static ChatClient Client(Uri endpoint, string model) =>
        new OpenAIClient(new ApiKeyCredential("no-key-needed"), new OpenAIClientOptions { Endpoint = endpoint, NetworkTimeout = TimeSpan.FromMinutes(2) })
            .GetChatClient(model);

    private static readonly ChatMessage[] Messages = [new UserChatMessage("Explain why the sky is blue in two sentences.")];

    private static async Task AskAsync(ChatClient client, CancellationToken cancellationToken)
    {
        var completion = await client.CompleteChatAsync(Messages, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (completion.Value.Content.Count == 0 || string.IsNullOrEmpty(completion.Value.Content[0].Text))
        {
            throw new InvalidOperationException("bench serve: a completion came back without text");
        }
    }

    private static async Task<List<double>> SequentialAsync(ChatClient client, int count, CancellationToken cancellationToken)
    {
        var times = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await AskAsync(client, cancellationToken).ConfigureAwait(false);
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        return times;
    }

    private static async Task<double> ConcurrentAsync(ChatClient client, int count, int concurrency, CancellationToken cancellationToken)
    {
        var next = -1;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, Math.Min(concurrency, count)).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) < count)
            {
                await AskAsync(client, cancellationToken).ConfigureAwait(false);
            }
        });
        await Task.WhenAll(workers).ConfigureAwait(false);
        return count / clock.Elapsed.TotalSeconds;
    }
}
