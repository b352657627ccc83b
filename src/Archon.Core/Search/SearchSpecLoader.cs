using System.Text.Json;
using System.Text.Json.Serialization;
using Archon.Core.Architecture;
using Archon.Core.Components;
using Archon.Core.Prompts;
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

        _ = Prompts(spec, source);
        return spec;
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string ToJson(SearchSpec spec) => JsonSerializer.Serialize(spec, Indented);
    /// <summary>
    /// The spec's <c>final_layers</c>, read and validated with <paramref name="registry"/> (custom types included) as the
    /// layers after a generator layer; empty when unset. Failures name the spec, the layer and the rule.
    /// </summary>
    public static IReadOnlyList<LayerConfig> FinalLayers(SearchSpec spec, ComponentRegistry registry, string source)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.FinalLayers is not { } layers || layers.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (layers.ValueKind != JsonValueKind.Array)
        {
            throw new SearchSpecException($"{source}: final_layers: must be a list of layers (each a list of components)");
        }

        // Checked as they run: after generators, so every construction rule (candidates-required, ...) applies.
        var json = $$"""{"name": "final_layers", "layers": [[{"type": "generator", "model": "any"}], {{string.Join(", ", layers.EnumerateArray().Select(l => l.GetRawText()))}}]}""";
        var loaded = ArchitectureLoader.Parse(json, $"{source} final_layers", registry);
        if (!loaded.Succeeded)
        {
            throw new SearchSpecException($"{source}: final_layers: {string.Join("; ", loaded.Errors.Select(e => e with { Source = null, Line = null, Position = null, Layer = e.Layer - 1 }))}");
        }

        return [.. loaded.Architecture!.Layers.Skip(1)];
    }

    /// <summary>The spec's prompt pack (<c>prompts</c>: a file path or an inline pack), or null for the host's pack.</summary>
    public static PromptPack? Prompts(SearchSpec spec, string source)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Prompts is not { } p || p.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        try
        {
            return p.ValueKind switch
            {
                JsonValueKind.String => PromptPackLoader.Load(p.GetString()!),
                JsonValueKind.Object => PromptPackLoader.Parse(p.GetRawText(), $"{source} prompts"),
                _ => throw new PromptPackException("must be a prompt pack file path or a prompt pack object"),
            };
        }
        catch (PromptPackException e)
        {
            throw new SearchSpecException($"{source}: prompts: {e.Message}");
        }
    }

    /// <summary>The spec with <c>prompts</c> replaced by the pack file's content, so it travels with the stored spec.</summary>
    public static SearchSpec WithInlinePrompts(SearchSpec spec, string packPath)
    {
        ArgumentNullException.ThrowIfNull(spec);
        PromptPackLoader.Load(packPath); // validates, naming the file and stage on failure
        using var doc = JsonDocument.Parse(File.ReadAllText(packPath), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        return spec with { Prompts = doc.RootElement.Clone() };
    }


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
