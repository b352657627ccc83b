using System.Globalization;

namespace Archon.Core.Search;

/// <summary>
/// One architecture of the search space, as its axis values: top-K generators × samples each, the widths of the
/// intermediate fusion layers (non-increasing; the last fusion layer always has one fuser), what runs before each fusion
/// layer (critic, ranker, both, none), the evaluation layer before the final fuser, and the ranker's top-k.
/// <para>A pre-fusion slot sits before every intermediate fusion layer; an architecture with a single fuser has one
/// slot, before that fuser. <see cref="RankerTopK"/> is normalised to 0 when no slot ranks, so two points that build
/// the same architecture are the same point.</para>
/// </summary>
public sealed record SearchPoint
{
    public SearchPoint(int generators, int samples, IReadOnlyList<int> widths, IReadOnlyList<PreFuserOption> preFusion, EvaluationOption evaluation, int rankerTopK)
    {
        Generators = generators;
        Samples = samples;
        Widths = [.. widths];
        PreFusion = [.. preFusion];
        Evaluation = evaluation;
        RankerTopK = PreFusion.Any(HasRanker) ? rankerTopK : 0;
        Key = string.Create(CultureInfo.InvariantCulture,
            $"g{Generators}-s{Samples}-l{FusionLayers}-w{string.Join('.', Widths)}-{string.Join('.', PreFusion.Select(PreFuserName))}-{EvaluationName(Evaluation)}-k{RankerTopK}");
    }

    /// <summary>A point whose intermediate fusion layers all have <paramref name="width"/> fusers and the same
    /// pre-fusion choice before each (the all-layers shape).</summary>
    public static SearchPoint Uniform(int generators, int samples, int fusionLayers, int width, PreFuserOption preFusion, EvaluationOption evaluation, int rankerTopK = 5) =>
        new(generators, samples, [.. Enumerable.Repeat(width, fusionLayers - 1)],
            [.. Enumerable.Repeat(preFusion, SpaceEnumerator.Slots(fusionLayers))], evaluation, rankerTopK);

    /// <summary>Top-K generator models from the model ranking.</summary>
    public int Generators { get; }

    /// <summary>Samples drawn from each generator.</summary>
    public int Samples { get; }

    /// <summary>Width of each intermediate fusion layer (empty when the final fuser is the only fusion layer).</summary>
    public IReadOnlyList<int> Widths { get; }

    /// <summary>What runs before each intermediate fusion layer (one entry before the single fuser when there is none).</summary>
    public IReadOnlyList<PreFuserOption> PreFusion { get; }

    public EvaluationOption Evaluation { get; }

    /// <summary>Candidates the rankers keep (0 when no slot ranks).</summary>
    public int RankerTopK { get; }

    /// <summary>Fusion layers, the final single fuser included.</summary>
    public int FusionLayers => Widths.Count + 1;

    /// <summary>Initial candidates the generator layer produces.</summary>
    public int InitialCandidates => Generators * Samples;

    /// <summary>Stable, human-readable key (see <see cref="KeyLegend"/>); used for ids, store paths and de-duplication.</summary>
    public string Key { get; }

    /// <summary>How to read a key; shown in reports.</summary>
    public const string KeyLegend =
        "g = top-K generators, s = samples per generator, l = fusion layers (the last is one fuser), w = widths of the intermediate "
        + "fusion layers, then what runs before each intermediate fusion layer (critic / ranker / critic_ranker / none), the "
        + "evaluation layer before the final fuser, k = ranker top-k (0 = no ranker). "
        + "Example: g10-s1-l4-w8.6.4-critic_ranker.critic.critic-none-k5.";

    public bool Equals(SearchPoint? other) => other is not null && other.Key == Key;

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Key);

    public override string ToString() => Key;

    public static bool HasRanker(PreFuserOption option) => option is PreFuserOption.Ranker or PreFuserOption.CriticRanker;

    public static bool HasCritic(PreFuserOption option) => option is PreFuserOption.Critic or PreFuserOption.CriticRanker;

    public static string PreFuserName(PreFuserOption option) => option switch
    {
        PreFuserOption.Ranker => "ranker",
        PreFuserOption.CriticRanker => "critic_ranker",
        PreFuserOption.Critic => "critic",
        _ => "none",
    };

    public static PreFuserOption? ParsePreFuser(string text) => text switch
    {
        "none" => PreFuserOption.None,
        "ranker" => PreFuserOption.Ranker,
        "critic_ranker" => PreFuserOption.CriticRanker,
        "critic" => PreFuserOption.Critic,
        _ => null,
    };

    public static string EvaluationName(EvaluationOption option) => option switch
    {
        EvaluationOption.Verifier => "verifier",
        EvaluationOption.UnitTests => "unit_tests",
        _ => "none",
    };

    public static EvaluationOption? ParseEvaluation(string text) => text switch
    {
        "none" => EvaluationOption.None,
        "verifier" => EvaluationOption.Verifier,
        "unit_tests" => EvaluationOption.UnitTests,
        _ => null,
    };

    /// <summary>Parses <see cref="Key"/>; null when the text is not a key.</summary>
    public static SearchPoint? TryParse(string key)
    {
        var parts = key.Split('-');
        if (parts.Length != 7 || !TryInt(parts[0], 'g', out var g) || !TryInt(parts[1], 's', out var s)
            || !TryInt(parts[2], 'l', out var l) || parts[3].Length == 0 || parts[3][0] != 'w' || !TryInt(parts[6], 'k', out var k))
        {
            return null;
        }

        var widths = new List<int>();
        foreach (var w in parts[3][1..].Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(w, NumberStyles.None, CultureInfo.InvariantCulture, out var width)) return null;
            widths.Add(width);
        }

        var pre = parts[4].Split('.').Select(ParsePreFuser).ToList();
        var eval = ParseEvaluation(parts[5]);
        if (widths.Count != l - 1 || pre.Any(p => p is null) || eval is null)
        {
            return null;
        }

        return new SearchPoint(g, s, widths, [.. pre.Select(p => p!.Value)], eval.Value, k);
    }

    private static bool TryInt(string part, char prefix, out int value)
    {
        value = 0;
        return part.Length > 1 && part[0] == prefix && int.TryParse(part.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
