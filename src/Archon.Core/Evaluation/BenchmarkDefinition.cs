using Archon.Core.Evaluation.Datasets;
using Archon.Core.Evaluation.Scoring;

namespace Archon.Core.Evaluation;

/// <summary>A named benchmark: how to load its items and build its scorer.</summary>
public sealed record BenchmarkDefinition(
    string Name,
    string Description,
    bool NeedsDatasets,
    bool NeedsJudge,
    Func<DatasetDirectory?, int, IReadOnlyList<BenchmarkItem>> Load,
    Func<BenchmarkScorerContext, IScorer> CreateScorer);
