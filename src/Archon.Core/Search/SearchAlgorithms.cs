using Archon.Core.Search.Algorithms;

namespace Archon.Core.Search;

/// <summary>Creates algorithms by their spec names: random, greedy, bo, bo-mf, bo-pareto.</summary>
public static class SearchAlgorithms
{
    public static IReadOnlyList<string> Names { get; } = ["random", "greedy", "bo", "bo-mf", "bo-pareto"];

    public static ISearchAlgorithm Create(string name, SearchSpace space, SearchAlgorithmOptions options, IReadOnlyList<double>? paretoLambdas = null) => name switch
    {
        "random" => new RandomSearch(space, options),
        "greedy" => new GreedySearch(space, options),
        "bo" => new BayesianSearch(space, options),
        "bo-mf" => new MultiFidelitySearch(space, options),
        "bo-pareto" => new BayesianSearch(space, options, paretoLambdas ?? DefaultParetoLambdas),
        _ => throw new ArgumentException($"algorithm: unknown '{name}' (expected one of {string.Join(", ", Names)})", nameof(name)),
    };

    /// <summary>λ values (points per $/query) cycled by the multi-objective mode; spans "ignore cost" to "cost dominates".</summary>
    public static IReadOnlyList<double> DefaultParetoLambdas { get; } = [0, 100, 1000, 10, 3000, 300];
}
