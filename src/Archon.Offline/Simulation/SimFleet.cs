using System.Text.Json;

namespace Archon.Offline.Simulation;

/// <summary>
/// The default SIMULATED fleet: eight profiles from weak/cheap to strong/expensive (names say "sim-" so they are never
/// mistaken for real models). The matching model catalog (provider "sim") is catalogs/sim-fleet.json; profiles can be
/// overridden from a JSON file with the same shape as <see cref="SimModelProfile"/>.
/// </summary>
public static class SimFleet
{
    private static SimModelProfile P(string id, double math, double code, double rank, double fuse, double critique, double verify,
        double latency, int tokens, decimal inPrice, decimal outPrice) => new()
    {
        Id = id,
        Skills = new Dictionary<string, double> { ["math"] = math, ["code"] = code, ["default"] = (math + code) / 2 },
        RankSkill = rank,
        FuseSkill = fuse,
        CritiqueSkill = critique,
        VerifyAccuracy = verify,
        LatencyMedianMs = latency,
        TokensPerAnswer = tokens,
        InputPricePerMillion = inPrice,
        OutputPricePerMillion = outPrice,
    };

    public static IReadOnlyList<SimModelProfile> Default { get; } =
    [
        P("sim-tiny-1b", 0.15, 0.10, 0.20, 0.15, 0.15, 0.55, 150, 160, 0.02m, 0.04m),
        P("sim-small-3b", 0.28, 0.22, 0.30, 0.25, 0.25, 0.60, 220, 200, 0.06m, 0.10m),
        P("sim-base-8b", 0.40, 0.35, 0.40, 0.35, 0.40, 0.66, 300, 240, 0.15m, 0.20m),
        P("sim-coder-14b", 0.42, 0.60, 0.45, 0.40, 0.45, 0.70, 420, 260, 0.30m, 0.40m),
        P("sim-mid-32b", 0.55, 0.50, 0.55, 0.50, 0.55, 0.74, 550, 280, 0.60m, 0.80m),
        P("sim-large-70b", 0.66, 0.60, 0.70, 0.65, 0.65, 0.80, 800, 300, 0.90m, 0.90m),
        P("sim-xl-405b", 0.75, 0.70, 0.80, 0.75, 0.75, 0.85, 1400, 320, 3.00m, 3.00m),
        P("sim-frontier", 0.85, 0.82, 0.88, 0.85, 0.85, 0.90, 2000, 380, 5.00m, 15.00m),
    ];

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };

    public static IReadOnlyList<SimModelProfile> Load(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<List<SimModelProfile>>(File.ReadAllText(path), Json)
                ?? throw new InvalidDataException($"{path}: empty profile list");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: not a list of sim model profiles ({ex.Message})", ex);
        }
    }

    /// <summary>A model catalog (core catalog format, provider "sim") for the given profiles.</summary>
    public static string ToCatalogJson(IReadOnlyList<SimModelProfile> profiles) => JsonSerializer.Serialize(new
    {
        description = "SIMULATED model fleet (provider \"sim\"): deterministic offline stand-ins, not real models. Figures produced with it are SIMULATED.",
        models = profiles.Select(p => new { id = p.Id, provider = "sim", inputPricePerMillion = p.InputPricePerMillion, outputPricePerMillion = p.OutputPricePerMillion }),
    }, Json);
}
