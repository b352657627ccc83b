using Archon.Core.Architecture;
using Archon.Core.Evaluation;
using Archon.Core.Evaluation.Datasets;
using Archon.Core.Execution;
using Archon.Offline;
using Archon.Offline.Simulation;
using Archon.Core.Providers;

namespace Archon.Offline.Tests.Simulation;

/// <summary>Runs example architectures from examples/sim on SIMULATED models (shared by the emergence tests).</summary>
internal static class SimExperiment
{
    public static ArchitectureConfig Load(string name)
    {
        var result = ArchitectureLoader.Load(Path.Combine(TestPaths.RepoRoot, "examples", "sim", name + ".json"));
        return result.Architecture ?? throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.ToString())));
    }

    public static async Task<EvaluationResult> RunAsync(string architecture, IReadOnlyList<BenchmarkItem> items, int seed = 0)
    {
        var knowledge = new SimulatorKnowledge();
        knowledge.Register(items);
        // The SIMULATED fleet as a provider behind the core stack, like every host runs it.
        await using var factory = new ModelClientFactory(OfflineProviders.NamedCatalog(OfflineProviders.SimCatalogName)!);
        OfflineProviders.Register(factory, knowledge, seed: seed);
        var scheduler = new InProcessScheduler(new ChatClientModelInvoker(factory));
        var definition = BenchmarkRegistry.Resolve(BuiltinBenchmark.Name);
        var scorer = definition.CreateScorer(new BenchmarkScorerContext(null, null, seed));
        return await new BenchmarkEvaluator().EvaluateAsync(Load(architecture), items, scheduler, scorer,
            new EvaluationOptions { Seed = seed, Simulated = true, BenchmarkName = BuiltinBenchmark.Name });
    }

    public static IReadOnlyList<BenchmarkItem> MathItems(int seed, int count = 200) => BuiltinBenchmark.Generate(seed, count, 0);
}
