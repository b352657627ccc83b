using Archon.Core.Execution;
using Archon.Core.Storage;
using Archon.Durable;
using Archon.Core.Evaluation;
using Archon.Core.Evaluation.Scoring;
using Archon.Core.Search;

namespace Archon.TestSupport;

/// <summary>Three models, eight dev items and four test items; an item scores 1 when the answer contains "X-ok".</summary>
public sealed class FakeSearchEnvironment : ISearchEnvironment, IScorer
{
    public string Name => "contains-ok";

    public IReadOnlyList<ModelProfile> Models(SearchSpec spec) =>
        [new("m1", 0, 2, 2), new("m2", 0, 1, 1), new("m3", 0, 1, 1)];

    public IReadOnlyList<BenchmarkItem> Items(SearchSpec spec, string split) =>
        [.. Enumerable.Range(split == "dev" ? 0 : 100, split == "dev" ? spec.DevItems : spec.TestItems).Select(i => new BenchmarkItem
        {
            Id = $"q{i}",
            Benchmark = "fake",
            Family = "math",
            Turns = [$"Question {i}?"],
            Reference = $"q{i}-ok",
        })];

    public IScorer Scorer(BenchmarkItem item) => this;

    // Rule-based stand-in models: as simulated as the sim fleet, so every surface must label them.
    public bool Simulated(SearchSpec spec) => true;

    public Task<ItemScore> ScoreAsync(BenchmarkItem item, string? answer, CancellationToken cancellationToken) =>
        Task.FromResult(new ItemScore(item.Id, answer?.Contains(item.Reference!, StringComparison.Ordinal) == true ? 1 : 0));
}
