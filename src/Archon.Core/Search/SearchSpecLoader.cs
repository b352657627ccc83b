using System.Text.Json;
using System.Text.Json.Serialization;
using Archon.Core.Schema;

namespace Archon.Core.Search;

/// <summary>Reads and validates search specs. Every failure is one <see cref="SearchSpecException"/> naming source, field and rule.</summary>
public static class SearchSpecLoader
{
    private static readonly JsonSerializerOptions Options = new()
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static SearchSpec Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new SearchSpecException($"{path}: file not found");
        }

        return Parse(File.ReadAllText(path), path);
    }

    public static SearchSpec Parse(string json, string source)
    {
        SearchSpec? spec;
        try
        {
            spec = JsonFieldCheck.Deserialize<SearchSpec>(json, Options);
        }
        catch (FormatException e)
        {
            throw new SearchSpecException($"{source}: {e.Message}");
        }

        if (spec is null)
        {
            throw new SearchSpecException($"{source}: expected a JSON object");
        }

        if (Validate(spec) is { } error)
        {
            throw new SearchSpecException($"{source}: {error}");
        }

        return spec;
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string ToJson(SearchSpec spec) => JsonSerializer.Serialize(spec, Indented);

    /// <summary>First broken rule as "field: rule", or null.</summary>
    public static string? Validate(SearchSpec spec)
    {
        if (!SearchAlgorithms.Names.Contains(spec.Algorithm)) return $"algorithm: must be one of {string.Join(", ", SearchAlgorithms.Names)} (got '{spec.Algorithm}')";
        if (spec.DevItems < 1) return "dev_items: must be >= 1";
        if (spec.TestItems < 0) return "test_items: must be >= 0";
        if (spec.TopN < 0) return "top_n: must be >= 0";
        if (spec.ItemParallelism is < 1 or > 256) return "item_parallelism: must be 1..256";
        if (spec.RankingEnsembles is < 1 or > 20) return "ranking_ensembles: must be 1..20";
        if (string.IsNullOrWhiteSpace(spec.Catalog)) return "catalog: required";
        if (string.IsNullOrWhiteSpace(spec.Benchmark)) return "benchmark: required";
        foreach (var (name, pair) in new[] { ("space.generators", spec.Space.Generators), ("space.samples", spec.Space.Samples), ("space.fusion_layers", spec.Space.FusionLayers), ("space.fusers", spec.Space.Fusers) })
        {
            if (pair.Length != 2) return $"{name}: must be [min, max]";
        }

        if (spec.Space.PreFuser.FirstOrDefault(p => ParsePreFuser(p) is null) is { } badPre) return $"space.pre_fuser: unknown option '{badPre}' (none, ranker, critic_ranker)";
        if (spec.Space.Evaluation.FirstOrDefault(p => ParseEvaluation(p) is null) is { } badEval) return $"space.evaluation: unknown option '{badEval}' (none, verifier, unit_tests)";
        if (Bounds(spec).Validate() is { } boundsError) return $"space.{boundsError}";
        if (spec.Budget.MaxCalls is < 1 || spec.Budget.MaxInputTokens is < 1 || spec.Budget.MaxOutputTokens is < 1 || spec.Budget.MaxDollars is <= 0)
            return "budget: limits must be positive";
        return spec.AlgorithmOptions().Validate();
    }

    public static SearchSpaceBounds Bounds(SearchSpec spec) => new()
    {
        MinGenerators = spec.Space.Generators.ElementAtOrDefault(0),
        MaxGenerators = spec.Space.Generators.ElementAtOrDefault(1),
        MinSamples = spec.Space.Samples.ElementAtOrDefault(0),
        MaxSamples = spec.Space.Samples.ElementAtOrDefault(1),
        MinFusionLayers = spec.Space.FusionLayers.ElementAtOrDefault(0),
        MaxFusionLayers = spec.Space.FusionLayers.ElementAtOrDefault(1),
        MinFusers = spec.Space.Fusers.ElementAtOrDefault(0),
        MaxFusers = spec.Space.Fusers.ElementAtOrDefault(1),
        PreFuser = [.. spec.Space.PreFuser.Select(p => ParsePreFuser(p) ?? PreFuserOption.None).Distinct()],
        Evaluation = [.. spec.Space.Evaluation.Select(p => ParseEvaluation(p) ?? EvaluationOption.None).Distinct()],
        MaxInitialCandidates = spec.Space.MaxInitialCandidates,
        RankerTopK = spec.Space.RankerTopK,
    };

    private static PreFuserOption? ParsePreFuser(string s) => s switch
    {
        "none" => PreFuserOption.None,
        "ranker" => PreFuserOption.Ranker,
        "critic_ranker" => PreFuserOption.CriticRanker,
        _ => null,
    };

    private static EvaluationOption? ParseEvaluation(string s) => s switch
    {
        "none" => EvaluationOption.None,
        "verifier" => EvaluationOption.Verifier,
        "unit_tests" => EvaluationOption.UnitTests,
        _ => null,
    };
}
