namespace Archon.Core.Evaluation.Statistics;

/// <summary>
/// A benchmark score as it must always be reported: mean over scored items, n, bootstrap 95% CI and its seed,
/// plus what it cost. <see cref="Simulated"/> marks figures produced by the sim provider (label them SIMULATED).
/// </summary>
public sealed record ScoreSummary
{
    public required string Benchmark { get; init; }
    public required string Scorer { get; init; }
    public required double Mean { get; init; }
    public required int N { get; init; }
    public int Unscored { get; init; }
    public required double CiLow { get; init; }
    public required double CiHigh { get; init; }
    public required int Seed { get; init; }
    public int Resamples { get; init; } = Bootstrap.DefaultResamples;
    public decimal CostUsd { get; init; }
    public int Calls { get; init; }
    public long InputTokens { get; init; }
    public long OutputTokens { get; init; }
    public int FailedCalls { get; init; }
    public bool Simulated { get; init; }

    /// <summary>What <see cref="Mean"/> measures (e.g. "accuracy", "pass@1", "length-controlled win rate"); printed in every output.</summary>
    public string Metric { get; init; } = "mean item score";

    /// <summary>Per-group scores (MixEval: per source benchmark and per split), each with its own CI.</summary>
    public IReadOnlyList<ScoreBreakdown> Breakdown { get; init; } = [];

    /// <summary>Items whose judge reply had no parseable verdict after the bounded retries (counted in <see cref="Unscored"/>).</summary>
    public int ParseFailures { get; init; }

    /// <summary>Caveats a reader must see next to the number (e.g. "LC needs instruction_difficulty.csv: raw win rate reported").</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public static ScoreSummary FromValues(string benchmark, string scorer, IReadOnlyList<double> values, int unscored, int seed) =>
        FromValues(benchmark, scorer, values, unscored, seed, Bootstrap.MeanInterval(values, seed));

    private static ScoreSummary FromValues(string benchmark, string scorer, IReadOnlyList<double> values, int unscored, int seed, (double Low, double High) ci) => new()
    {
        Benchmark = benchmark,
        Scorer = scorer,
        Mean = values.Count == 0 ? double.NaN : values.Average(),
        N = values.Count,
        Unscored = unscored,
        CiLow = ci.Low,
        CiHigh = ci.High,
        Seed = seed,
    };

    public string Format() =>
        $"{(Simulated ? "[SIMULATED] " : "")}{Benchmark} {Metric} ({Scorer}): {Mean:0.0000} (95% CI {CiLow:0.0000}–{CiHigh:0.0000}, n={N}" +
        $"{(Unscored > 0 ? $", unscored={Unscored}" : "")}{(ParseFailures > 0 ? $" incl. {ParseFailures} judge parse failures" : "")}, bootstrap seed {Seed}) · cost ${CostUsd:0.0000} · {Calls} calls";

    /// <summary>One line per breakdown group, then the notes (empty when there are none).</summary>
    public IEnumerable<string> FormatDetails()
    {
        foreach (var b in Breakdown)
        {
            yield return $"  {b.Group}: {b.Mean:0.0000} (95% CI {b.CiLow:0.0000}–{b.CiHigh:0.0000}, n={b.N})";
        }

        foreach (var note in Notes)
        {
            yield return "  note: " + note;
        }
    }
}
