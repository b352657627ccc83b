using System.Globalization;

namespace Archon.Core.Search;

/// <summary>
/// One architecture of the search space, as its axis values. <see cref="FusersPerLayer"/> only matters when there is an
/// intermediate fusion layer, so it is normalised to 0 for single-fuser architectures: two points that build the same
/// architecture are the same point (and are never evaluated twice).
/// </summary>
public sealed record SearchPoint
{
    public SearchPoint(int generators, int samples, int fusionLayers, int fusersPerLayer, PreFuserOption preFuser, EvaluationOption evaluation)
    {
        Generators = generators;
        Samples = samples;
        FusionLayers = fusionLayers;
        FusersPerLayer = fusionLayers > 1 ? fusersPerLayer : 0;
        PreFuser = preFuser;
        Evaluation = evaluation;
    }

    /// <summary>Top-K generator models from the model ranking.</summary>
    public int Generators { get; }

    /// <summary>Samples drawn from each generator.</summary>
    public int Samples { get; }

    /// <summary>Fusion layers; the last one always has a single fuser.</summary>
    public int FusionLayers { get; }

    /// <summary>Fusers in each intermediate fusion layer (0 when <see cref="FusionLayers"/> is 1).</summary>
    public int FusersPerLayer { get; }

    public PreFuserOption PreFuser { get; }

    public EvaluationOption Evaluation { get; }

    /// <summary>Initial candidates the generator layer produces.</summary>
    public int InitialCandidates => Generators * Samples;

    /// <summary>Stable, human-readable key; used for ids, store paths and de-duplication.</summary>
    public string Key => string.Create(CultureInfo.InvariantCulture,
        $"g{Generators}-s{Samples}-l{FusionLayers}-f{FusersPerLayer}-{PreFuserName(PreFuser)}-{EvaluationName(Evaluation)}");

    public override string ToString() => Key;

    public static string PreFuserName(PreFuserOption option) => option switch
    {
        PreFuserOption.Ranker => "ranker",
        PreFuserOption.CriticRanker => "critic_ranker",
        _ => "none",
    };

    public static string EvaluationName(EvaluationOption option) => option switch
    {
        EvaluationOption.Verifier => "verifier",
        EvaluationOption.UnitTests => "unit_tests",
        _ => "none",
    };

    /// <summary>Parses <see cref="Key"/>; null when the text is not a key.</summary>
    public static SearchPoint? TryParse(string key)
    {
        var parts = key.Split('-');
        if (parts.Length != 6 || !TryInt(parts[0], 'g', out var g) || !TryInt(parts[1], 's', out var s)
            || !TryInt(parts[2], 'l', out var l) || !TryInt(parts[3], 'f', out var f))
        {
            return null;
        }

        PreFuserOption? pre = parts[4] switch { "none" => PreFuserOption.None, "ranker" => PreFuserOption.Ranker, "critic_ranker" => PreFuserOption.CriticRanker, _ => null };
        EvaluationOption? eval = parts[5] switch { "none" => EvaluationOption.None, "verifier" => EvaluationOption.Verifier, "unit_tests" => EvaluationOption.UnitTests, _ => null };
        return pre is null || eval is null ? null : new SearchPoint(g, s, l, f, pre.Value, eval.Value);
    }

    private static bool TryInt(string part, char prefix, out int value)
    {
        value = 0;
        return part.Length > 1 && part[0] == prefix && int.TryParse(part.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
