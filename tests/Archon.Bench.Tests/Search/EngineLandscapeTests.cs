using Archon.Bench.Search;
using Archon.Core.Caching;
using Archon.Core.Evaluation;
using Archon.Core.Evaluation.Datasets;
using Archon.Core.Evaluation.Scoring;
using Archon.Core.Execution;
using Archon.Core.Providers;
using Archon.Core.Search;
using Archon.Core.Storage;
using Archon.Offline;
using Archon.Offline.Simulation;

namespace Archon.Bench.Tests.Search;

public sealed class EngineLandscapeTests : IDisposable
{
    // Every axis varies (two layer depths, both pre-fusion choices, an evaluation layer), small enough to run directly.
    private static readonly SearchSpaceBounds SmallBounds = new()
    {
        Generators = [1, 2, 3],
        Samples = [1, 2],
        FusionLayers = [1, 2],
        FusionWidths = [2, 3],
        PreFuser = [PreFuserOption.None, PreFuserOption.Ranker],
        Evaluation = [EvaluationOption.None, EvaluationOption.Verifier],
        RankerTopK = [2],
        ModelCount = 8,
    };

    private readonly string _root = Path.Combine(Path.GetTempPath(), $"archon-engine-landscape-{Guid.NewGuid():N}");

    private static IReadOnlyList<BenchmarkItem> MathItems(int count) => BuiltinBenchmark.Generate(11, count, 0);

    [Fact]
    public async Task BuildAsync_SmallSpace_BruteForceBestEqualsDirectEvaluation()
    {
        var space = EngineLandscapeSpace.Create(SimFleet.Default, SmallBounds);
        var items = MathItems(8);
        var scorer = new Gsm8kScorer();
        var data = await new EngineLandscapeBuilder(space, items) { Parallelism = 2 }.BuildAsync(scorer, default);
        var landscape = new EngineLandscape(space, data);

        // Direct evaluation: every point, every item, the whole architecture from scratch on a provider stack with no cache.
        var knowledge = new SimulatorKnowledge();
        knowledge.Register(items);
        await using var factory = new ModelClientFactory(OfflineProviders.NamedCatalog(OfflineProviders.SimCatalogName)!);
        OfflineProviders.Register(factory, knowledge);
        var scheduler = new InProcessScheduler(new ChatClientModelInvoker(factory));
        var runner = new ArchitectureRunner();
        var direct = new double[space.Count];
        for (var p = 0; p < space.Count; p++)
        {
            var config = space.Encoder.Encode(space.Points[p]);
            for (var i = 0; i < items.Count; i++)
            {
                var run = await runner.RunAsync(config, QueryState.Start(items[i].FirstTurnConversation(), items[i].Id), scheduler, default);
                var s = await scorer.ScoreAsync(items[i], run.Answer, default);
                Assert.Equal(s.Value, data.Outcome(p, i), 6);
                direct[p] += 100 * s.Value / items.Count;
            }
        }

        var best = Array.IndexOf(direct, direct.Max());
        Assert.Equal(direct[best], landscape.BestScore, 6);
        Assert.Equal(direct[landscape.BestIndex], direct[best], 6);
        Assert.True(direct.Distinct().Count() > 1, "the small space is not flat: the comparison means something");
        Assert.True(data.CallsWithReuse < data.CallsWithoutReuse, $"reuse: {data.CallsWithReuse} of {data.CallsWithoutReuse}");
    }

    [Fact]
    public async Task Store_SavedLandscape_LoadsIdenticallyUnderTheSameKeyOnly()
    {
        var space = EngineLandscapeSpace.Create(SimFleet.Default, SmallBounds with { Generators = [1, 2], FusionLayers = [1] });
        var items = MathItems(4);
        var data = await new EngineLandscapeBuilder(space, items) { Parallelism = 1 }.BuildAsync(new Gsm8kScorer(), default);
        var store = new FileResultStore(_root);
        var key = EngineLandscapeStore.Key(SimFleet.Default, 0, space, items);
        await EngineLandscapeStore.SaveAsync(store, key, data, default);

        var loaded = await EngineLandscapeStore.LoadAsync(store, key, default);

        Assert.NotNull(loaded);
        Assert.Equal(data.Outcomes, loaded.Outcomes);
        Assert.Equal((data.CallsWithoutReuse, data.CallsWithReuse, data.Points, data.Items), (loaded.CallsWithoutReuse, loaded.CallsWithReuse, loaded.Points, loaded.Items));
        Assert.NotEqual(key, EngineLandscapeStore.Key(SimFleet.Default, 1, space, items));
        Assert.NotEqual(key, EngineLandscapeStore.Key(SimFleet.Default, 0, space, MathItems(5)));
        Assert.Null(await EngineLandscapeStore.LoadAsync(store, EngineLandscapeStore.Key(SimFleet.Default, 0, space, MathItems(5)), default));
        Assert.Null(EngineLandscapeStore.Read([1, 2, 3]));
    }

    [Fact]
    public void Observe_FullFidelity_IsTheTrueScoreAndLowerFidelityReadsAPrefixOfTheSeedsOrder()
    {
        var space = EngineLandscapeSpace.Create(SimFleet.Default, SmallBounds with { Generators = [1], Samples = [1], FusionLayers = [1], Evaluation = [EvaluationOption.None] });
        var outcomes = new float[space.Count * 4];
        outcomes[0] = 1;
        outcomes[1] = 1;
        outcomes[2] = 0;
        outcomes[3] = 1;
        var landscape = new EngineLandscape(space, new EngineLandscapeData(space.Count, 4, outcomes, 10, 5, 1, 1));
        var order = landscape.ItemOrder(3);

        Assert.Equal(75, landscape.Observe(0, 1, 3, order), 9);
        Assert.Equal(75, landscape.TrueScores[0], 9);
        Assert.Equal(100 * outcomes[order[0]], landscape.Observe(0, 0.25, 3, order), 9);
        Assert.Equal(order.Order(), [0, 1, 2, 3]);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
