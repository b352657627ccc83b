using Archon.Core.Execution;
using System.Text.Json.Serialization;

namespace Archon.Core.Search;

/// <summary>
/// A search spec file (JSON, snake_case). Documented with a sample in samples/search/default.json and its README.
/// <c>catalog</c> names a model catalog file or "sim" (the SIMULATED fleet); <c>benchmark</c> a benchmark name
/// ("builtin", ...); budgets are hard per-query limits; <c>algorithm</c> one of random, greedy, bo, bo-mf, bo-pareto.
/// </summary>
public sealed record SearchSpec
{
    [JsonPropertyName("name")] public string Name { get; init; } = "search";
    [JsonPropertyName("catalog")] public string Catalog { get; init; } = "sim";
    [JsonPropertyName("models")] public IReadOnlyList<string>? Models { get; init; }
    [JsonPropertyName("benchmark")] public string Benchmark { get; init; } = "builtin";
    [JsonPropertyName("data_seed")] public int DataSeed { get; init; } = 7;
    [JsonPropertyName("dev_items")] public int DevItems { get; init; } = 20;
    [JsonPropertyName("test_items")] public int TestItems { get; init; } = 40;
    [JsonPropertyName("algorithm")] public string Algorithm { get; init; } = "bo-mf";
    [JsonPropertyName("seed")] public int Seed { get; init; } = 1;
    [JsonPropertyName("max_evaluations")] public double MaxEvaluations { get; init; } = 30;
    [JsonPropertyName("min_evaluations")] public int MinEvaluations { get; init; } = 12;
    [JsonPropertyName("batch_size")] public int BatchSize { get; init; } = 4;
    [JsonPropertyName("initial_points")] public int InitialPoints { get; init; } = 6;
    [JsonPropertyName("lambda")] public double Lambda { get; init; }
    [JsonPropertyName("top_n")] public int TopN { get; init; } = 3;
    [JsonPropertyName("item_parallelism")] public int ItemParallelism { get; init; } = 8;
    [JsonPropertyName("ranking_ensembles")] public int RankingEnsembles { get; init; } = 2;
    [JsonPropertyName("space")] public SearchSpaceSpec Space { get; init; } = new();
    [JsonPropertyName("budget")] public QueryBudgetSpec Budget { get; init; } = new();

    /// <summary>
    /// Prompt pack for every candidate: a pack file path, or the pack itself (an object, as <c>archon prompts --export</c>
    /// writes it). Null: the host's pack. <c>archon search --prompts FILE</c> inlines the file, so the stored spec is self-contained.
    /// </summary>
    [JsonPropertyName("prompts")] public System.Text.Json.JsonElement? Prompts { get; init; }

    /// <summary>
    /// Layers appended to every candidate architecture, written as in an architecture file (a list of layers, each a
    /// list of components), e.g. a custom component registered with the host (<c>[[{"type": "majority_vote"}]]</c>).
    /// Validated with the host's component registry when the search starts. Null: none.
    /// </summary>
    [JsonPropertyName("final_layers")] public System.Text.Json.JsonElement? FinalLayers { get; init; }

    public SearchAlgorithmOptions AlgorithmOptions() => new()
    {
        Seed = Seed,
        MaxEvaluations = MaxEvaluations,
        MinEvaluations = MinEvaluations,
        BatchSize = BatchSize,
        InitialPoints = InitialPoints,
        Lambda = Lambda,
    };
}

/// <summary>Space bounds as [min, max] pairs and option lists.</summary>
public sealed record SearchSpaceSpec
{
    [JsonPropertyName("generators")] public int[] Generators { get; init; } = [1, 10];
    [JsonPropertyName("samples")] public int[] Samples { get; init; } = [1, 5];
    [JsonPropertyName("fusion_layers")] public int[] FusionLayers { get; init; } = [1, 4];
    [JsonPropertyName("fusers")] public int[] Fusers { get; init; } = [2, 10];
    [JsonPropertyName("pre_fuser")] public string[] PreFuser { get; init; } = ["none", "ranker", "critic_ranker"];
    [JsonPropertyName("evaluation")] public string[] Evaluation { get; init; } = ["none", "verifier", "unit_tests"];
    [JsonPropertyName("max_initial_candidates")] public int MaxInitialCandidates { get; init; } = 24;
    [JsonPropertyName("ranker_top_k")] public int RankerTopK { get; init; } = 5;
}

/// <summary>Hard per-query limits; null = unlimited.</summary>
public sealed record QueryBudgetSpec
{
    [JsonPropertyName("max_calls")] public int? MaxCalls { get; init; }
    [JsonPropertyName("max_input_tokens")] public long? MaxInputTokens { get; init; }
    [JsonPropertyName("max_output_tokens")] public long? MaxOutputTokens { get; init; }
    [JsonPropertyName("max_dollars")] public double? MaxDollars { get; init; }

    public QueryBudget ToBudget() => new()
    {
        MaxCalls = MaxCalls,
        MaxInputTokens = MaxInputTokens,
        MaxOutputTokens = MaxOutputTokens,
        MaxCostUsd = MaxDollars is { } d ? (decimal)d : null,
    };
}
