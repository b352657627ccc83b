namespace Archon.Offline.Simulation;

/// <summary>
/// One simulated model. Skills are in [0, 1]. <see cref="Skills"/> gives the chance-of-solving scale per task family
/// (math, code, builtin-math, builtin-code; "default" for the rest); the role skills shape how well it ranks, fuses,
/// critiques and verifies. Latency is log-normal around <see cref="LatencyMedianMs"/>. Prices are USD per million tokens.
/// Nothing here encodes how any architecture should score: those figures emerge from these per-call behaviours.
/// </summary>
public sealed record SimModelProfile
{
    public required string Id { get; init; }
    public required IReadOnlyDictionary<string, double> Skills { get; init; }
    public double RankSkill { get; init; } = 0.5;
    public double FuseSkill { get; init; } = 0.5;
    public double CritiqueSkill { get; init; } = 0.5;
    /// <summary>Probability a verifier/unit-test verdict from this model is right (0.5 = coin flip).</summary>
    public double VerifyAccuracy { get; init; } = 0.75;
    public double LatencyMedianMs { get; init; } = 800;
    public double LatencySigma { get; init; } = 0.35;
    public int TokensPerAnswer { get; init; } = 250;
    public decimal InputPricePerMillion { get; init; }
    public decimal OutputPricePerMillion { get; init; }

    public double SkillFor(string family) =>
        Skills.TryGetValue(family, out var s) ? s
        : family.StartsWith("builtin-", StringComparison.Ordinal) && Skills.TryGetValue(family["builtin-".Length..], out var b) ? b
        : Skills.TryGetValue("default", out var d) ? d : 0.5;
}
