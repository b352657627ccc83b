using System.Collections.Concurrent;
using Archon.Core.Execution;
using Archon.Core.Search;
using Archon.Core.Search.Execution;
using Archon.Durable.Contracts;
using Archon.Core.Storage;

namespace Archon.Durable.Search;

/// <summary>
/// Loads what the search activities share — spec, model ranking, space, the item runner — from the store, memoised
/// per search id (the ranking never changes once stored). Activities stay thin; everything here is host-agnostic.
/// </summary>
public sealed class SearchWorkspace(IResultStore store, ISearchEnvironment environment, IModelInvoker invoker, Archon.Core.Search.Judging.JudgeMeter judgeMeter)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<SearchSession>>> _sessions = new(StringComparer.Ordinal);
    private readonly ArchitectureRunner _runner = new();

    public IResultStore Store => store;

    public ISearchEnvironment Environment => environment;

    /// <summary>Judge calls of judge-scored benchmarks (made, cached, dollars), apart from the candidates' calls.</summary>
    public Archon.Core.Search.Judging.JudgeMeter JudgeMeter => judgeMeter;

    public CandidateItemRunner ItemRunner() => new(_runner, invoker, new StoreSearchCache(store));

    /// <summary>The item runner for a spec's search (its catalog's invoker when the environment routes by catalog).</summary>
    public CandidateItemRunner ItemRunner(SearchSpec spec) =>
        new(_runner, environment is ISearchInvokerSource source ? source.Invoker(spec) ?? invoker : invoker, new StoreSearchCache(store));

    public ArchitectureEvaluator Evaluator() => new(ItemRunner(), environment);

    public ArchitectureEvaluator Evaluator(SearchSpec spec) => new(ItemRunner(spec), environment);

    public Task<SearchSession> SessionAsync(string searchId, CancellationToken cancellationToken) =>
        _sessions.GetOrAdd(searchId, id => new Lazy<Task<SearchSession>>(() => LoadAsync(id, cancellationToken))).Value;

    private async Task<SearchSession> LoadAsync(string searchId, CancellationToken cancellationToken)
    {
        var specJson = await store.GetBytesAsync(BlobLayout.SearchSpec(searchId).Container, BlobLayout.SearchSpec(searchId).Name, cancellationToken).ConfigureAwait(false)
            ?? throw new ArchonInputException($"search '{searchId}': spec.json not found in the store (start the search first)");
        var spec = SearchSpecLoader.Parse(System.Text.Encoding.UTF8.GetString(specJson), $"search '{searchId}' spec");
        var ranking = await store.GetJsonAsync<ModelRanking>(SearchBlobs.Ranking(searchId), cancellationToken).ConfigureAwait(false)
            ?? throw new ArchonInputException($"search '{searchId}': ranking.json not found in the store");
        return SearchSession.Create(searchId, spec, ranking);
    }

    /// <summary>All stored candidate results of a search, in candidate-id order.</summary>
    public async Task<IReadOnlyList<CandidateResult>> ResultsAsync(string searchId, CancellationToken cancellationToken)
    {
        var names = await store.ListAsync(BlobLayout.SearchContainer, BlobLayout.SearchCandidatesPrefix(searchId), cancellationToken).ConfigureAwait(false);
        var results = new List<CandidateResult>();
        foreach (var name in names)
        {
            if (await store.GetJsonAsync<CandidateResult>(new BlobRef(BlobLayout.SearchContainer, name), cancellationToken).ConfigureAwait(false) is { } r)
            {
                results.Add(r);
            }
        }

        return results;
    }
}

/// <summary>A loaded search: spec, ranking, space and algorithm.</summary>
public sealed record SearchSession(string SearchId, SearchSpec Spec, ModelRanking Ranking, SearchSpace Space, ISearchAlgorithm Algorithm)
{
    public static SearchSession Create(string searchId, SearchSpec spec, ModelRanking ranking)
    {
        var bounds = SearchSpecLoader.Bounds(spec) with { ModelCount = ranking.Generators.Count };
        var space = new SearchSpace(bounds, new ArchitectureEncoder(ranking), spec.Budget.ToBudget());
        return new SearchSession(searchId, spec, ranking, space, SearchAlgorithms.Create(spec.Algorithm, space, spec.AlgorithmOptions()));
    }
}
