using System.Collections.Concurrent;
using Archon.Core.Components;
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
public sealed class SearchWorkspace(IResultStore store, ISearchEnvironment environment, IModelInvoker invoker, ArchitectureRunner? runner = null)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<SearchSession>>> _sessions = new(StringComparer.Ordinal);

    // The host's runner (AddArchonComponents: custom components, prompt pack); a spec's "prompts" overrides the pack.
    private readonly ArchitectureRunner _runner = runner ?? new ArchitectureRunner();

    public IResultStore Store => store;

    public ISearchEnvironment Environment => environment;

    public CandidateItemRunner ItemRunner() => new(_runner, invoker, new StoreSearchCache(store));

    /// <summary>
    /// The item runner for a spec's search: the spec's prompt pack when it names one (else the host's), and its
    /// catalog's invoker when the environment routes by catalog.
    /// </summary>
    public CandidateItemRunner ItemRunner(SearchSpec spec)
    {
        var runner = SearchSpecLoader.Prompts(spec, "search spec") is { } pack ? new ArchitectureRunner(_runner.Registry, pack) : _runner;
        return new(runner, environment is ISearchInvokerSource source ? source.Invoker(spec) ?? invoker : invoker, new StoreSearchCache(store));
    }

    /// <summary>Id of the prompt pack a spec's candidates run with (the spec's, else the host's): shown in every search report.</summary>
    public string PromptPackId(SearchSpec spec) => (SearchSpecLoader.Prompts(spec, "search spec") ?? _runner.Prompts).Id;

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
        return SearchSession.Create(searchId, spec, ranking, _runner.Registry);
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
    /// <param name="registry">Component types the spec's <c>final_layers</c> may use (the host's; default: built-ins).</param>
    public static SearchSession Create(string searchId, SearchSpec spec, ModelRanking ranking, ComponentRegistry? registry = null)
    {
        var bounds = SearchSpecLoader.Bounds(spec);
        var finalLayers = SearchSpecLoader.FinalLayers(spec, registry ?? ComponentRegistry.CreateDefault(), $"search '{searchId}' spec");
        var encoder = new ArchitectureEncoder(ranking, bounds.RankerTopK) { FinalLayers = finalLayers };
        var space = new SearchSpace(bounds, encoder, spec.Budget.ToBudget());
        return new SearchSession(searchId, spec, ranking, space, SearchAlgorithms.Create(spec.Algorithm, space, spec.AlgorithmOptions()));
    }
}
