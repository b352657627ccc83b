using System.Collections.Concurrent;
using System.Diagnostics;
using Archon.Core.Caching;
using Archon.Core.Evaluation;
using Archon.Core.Evaluation.Datasets;
using Archon.Core.Evaluation.Scoring;
using Archon.Core.Execution;
using Archon.Core.Providers;
using Archon.Core.Search;
using Archon.Offline;
using Archon.Offline.Simulation;

namespace Archon.Bench.Search;

/// <summary>
/// Computes the ground truth of an <see cref="EngineLandscape"/>: every point of the space on every item, through the
/// real <see cref="ArchitectureRunner"/> and the SIMULATED fleet behind the core provider stack
/// (<see cref="ModelClientFactory"/>: telemetry, response cache, resilience, caps; <see cref="ChatClientModelInvoker"/>).
/// Two kinds of reuse make that affordable: the space is walked as a <see cref="LayerTrie"/>, so a layer prefix shared by
/// many architectures is run once per item, and the response cache answers calls a sibling already made (the first four
/// fusers of a six-fuser layer after the same prefix). Items run in parallel, at most <see cref="Parallelism"/> at a
/// time; each worker owns a factory and a cache it clears after every item (cache keys include the item), so memory
/// stays bounded by one item's calls. Scores of code answers are memoised by the extracted program: the sandbox runs
/// once per distinct program, not once per architecture.
/// </summary>
public sealed class EngineLandscapeBuilder(SearchSpace space, IReadOnlyList<BenchmarkItem> items, int fleetSeed = 0)
{
    public int Parallelism { get; init; } = Math.Max(1, Math.Min(2, Environment.ProcessorCount));

    /// <summary>Items finished so far (progress).</summary>
    public event Action<int>? ItemFinished;

    public async Task<EngineLandscapeData> BuildAsync(IScorer scorer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        var watch = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var architectures = space.Points.Select(space.Encoder.Encode).ToList();
        var trie = LayerTrie.Build(architectures);
        var knowledge = new SimulatorKnowledge();
        knowledge.Register(items);
        var outcomes = new float[space.Count * items.Count];
        var memo = new ConcurrentDictionary<string, double>(StringComparer.Ordinal);
        var workers = new ConcurrentBag<Worker>();
        long without = 0, with = 0;
        var done = 0;
        try
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, items.Count),
                new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
                async (itemIndex, ct) =>
                {
                    var worker = workers.TryTake(out var w) ? w : new Worker(knowledge, fleetSeed);
                    try
                    {
                        var item = items[itemIndex];
                        var counts = new CallCounts();
                        var start = QueryState.Start(item.FirstTurnConversation(), item.Id);
                        await VisitAsync(trie.Root, start, item, itemIndex, worker, counts, scorer, memo, outcomes, ct);
                        Interlocked.Add(ref without, counts.Without);
                        Interlocked.Add(ref with, counts.With);
                        worker.Cache.Clear();
                        ItemFinished?.Invoke(Interlocked.Increment(ref done));
                    }
                    finally
                    {
                        workers.Add(worker);
                    }
                });
        }
        finally
        {
            foreach (var w in workers)
            {
                await w.DisposeAsync();
            }
        }

        return new EngineLandscapeData(space.Count, items.Count, outcomes, without, with, watch.Elapsed.TotalSeconds, trie.NodeCount,
            (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
    }

    private async Task VisitAsync(LayerTrie.Node node, QueryState state, BenchmarkItem item, int itemIndex, Worker worker, CallCounts counts,
        IScorer scorer, ConcurrentDictionary<string, double> memo, float[] outcomes, CancellationToken ct)
    {
        foreach (var child in node.Children)
        {
            var tracing = new TracingScheduler(worker.Scheduler);
            var next = await worker.Runner.RunLayerAsync(child.Architecture!, child.Layer, state, tracing, ct);
            var trace = tracing.Trace;
            counts.Without += (long)trace.Count * child.PointsBelow;
            foreach (var call in trace)
            {
                counts.With += call.Result.Cached ? 0 : 1;
            }

            if (child.Points.Count > 0)
            {
                var value = (float)await ScoreAsync(item, ArchitectureRunner.FinalAnswer(next), scorer, memo, ct);
                foreach (var p in child.Points)
                {
                    outcomes[(long)p * items.Count + itemIndex] = value;
                }
            }

            if (child.Children.Count > 0)
            {
                await VisitAsync(child, next, item, itemIndex, worker, counts, scorer, memo, outcomes, ct);
            }
        }
    }

    private static async Task<double> ScoreAsync(BenchmarkItem item, string? answer, IScorer scorer, ConcurrentDictionary<string, double> memo, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(answer))
        {
            return 0;
        }

        // A code answer's score depends only on the program it contains; arithmetic answers are cheap to score directly.
        if (!item.Metadata.TryGetValue(MetadataKeys.EntryPoint, out var entry))
        {
            var direct = await scorer.ScoreAsync(item, answer, ct);
            return direct.Scored ? Math.Min(1, direct.Value) : 0;
        }

        var key = item.Id + "\n" + CodeExtractor.Extract(answer, entry);
        if (memo.TryGetValue(key, out var known))
        {
            return known;
        }

        var s = await scorer.ScoreAsync(item, answer, ct);
        return memo[key] = s.Scored ? Math.Min(1, s.Value) : 0;
    }

    private sealed class CallCounts
    {
        public long Without { get; set; }

        public long With { get; set; }
    }

    /// <summary>One item at a time: a provider stack over the SIMULATED fleet with its own response cache.</summary>
    private sealed class Worker : IAsyncDisposable
    {
        private readonly ModelClientFactory _factory;

        public Worker(SimulatorKnowledge knowledge, int seed)
        {
            Cache = new InMemoryResponseCacheStore();
            _factory = new ModelClientFactory(OfflineProviders.NamedCatalog(OfflineProviders.SimCatalogName)!, new ModelClientFactoryOptions { Cache = Cache });
            OfflineProviders.Register(_factory, knowledge, seed: seed);
            Scheduler = new InProcessScheduler(new ChatClientModelInvoker(_factory));
        }

        public InMemoryResponseCacheStore Cache { get; }

        public IModelCallScheduler Scheduler { get; }

        public ArchitectureRunner Runner { get; } = new();

        public ValueTask DisposeAsync() => _factory.DisposeAsync();
    }
}
