using Archon.Core.Evaluation;
using Archon.Core.Evaluation.Scoring;

namespace Archon.Core.Search;

/// <summary>
/// What a search needs from its host: the catalog's models (with prices), the benchmark's dev/test items, and a scorer
/// per item. The CLI and the Functions app supply one built from the spec's catalog and benchmark names.
/// </summary>
public interface ISearchEnvironment
{
    /// <summary>Models to rank (score 0 until preprocessing measures it); throws <see cref="SearchSpecException"/> for unknown names.</summary>
    IReadOnlyList<ModelProfile> Models(SearchSpec spec);

    /// <summary>Items of "dev" (the search split) or "test" (held out), limited to the spec's item counts, in a fixed order.</summary>
    IReadOnlyList<BenchmarkItem> Items(SearchSpec spec, string split);

    IScorer Scorer(BenchmarkItem item);

    /// <summary>True when every model the spec can use is a simulator: the label every surface must show.</summary>
    bool Simulated(SearchSpec spec);
}
