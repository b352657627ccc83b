using MathNet.Numerics.LinearAlgebra;

namespace Archon.Core.Evaluation.Statistics;

/// <summary>
/// AlpacaEval 2.0's length-controlled win rate (alpaca_eval <c>glm_winrate</c>, GLM <c>length_controlled_v1</c>):
/// a logistic regression without intercept of the model's preference on <c>tanh(Δlen / sd(Δlen))</c>, the instruction's
/// difficulty and a constant "not gamed baseline" term, with Δlen = len(baseline output) − len(model output) in
/// characters and soft labels (the preference in [0,1]), fitted on this model's own annotations; the LC win rate is the
/// mean predicted preference with the length term set to 0. Differences from upstream, on purpose: the fit is an
/// L2-penalised maximum-likelihood fit by Newton–Raphson (IRLS) with C = 100 (upstream: L1 with C chosen by 5-fold
/// cross-validation), and without upstream's regularisation toward its "gamed" baselines (df_gamed.csv is not offline).
/// </summary>
public static class LengthControlledWinRate
{
    /// <summary>One annotation: the model's preference (0..1), the two output lengths, the instruction's difficulty.</summary>
    public sealed record Annotation(double Preference, int BaselineLength, int ModelLength, double Difficulty);

    /// <summary>Fitted weights: length term, difficulty, constant.</summary>
    public sealed record Fit(double Length, double Difficulty, double Baseline, int Iterations);

    public const double C = 100;

    public static Fit FitGlm(IReadOnlyList<Annotation> rows)
    {
        var n = rows.Count;
        var deltas = rows.Select(r => (double)(r.BaselineLength - r.ModelLength)).ToArray();
        var sd = StandardDeviation(deltas);
        var x = Matrix<double>.Build.Dense(n, 3, (i, j) => j switch
        {
            0 => sd > 0 ? Math.Tanh(deltas[i] / sd) : 0,
            1 => rows[i].Difficulty,
            _ => 1.0,
        });
        var y = Vector<double>.Build.Dense(n, i => Math.Clamp(rows[i].Preference, 0, 1));
        var beta = Vector<double>.Build.Dense(3);
        var ridge = Matrix<double>.Build.DenseIdentity(3) / C;
        var iterations = 0;
        for (; iterations < 100; iterations++)
        {
            var mu = (x * beta).Map(Logistic);
            var weights = mu.Map(m => m * (1 - m));
            var gradient = x.TransposeThisAndMultiply(y - mu) - beta / C;
            var hessian = x.TransposeThisAndMultiply(x.MapIndexed((i, _, v) => v * weights[i])) + ridge;
            var step = hessian.Solve(gradient);
            beta += step;
            if (step.InfinityNorm() < 1e-10) { break; }
        }

        return new Fit(beta[0], beta[1], beta[2], iterations + 1);
    }

    /// <summary>Mean predicted preference at zero length difference (0..1).</summary>
    public static double Predict(Fit fit, IReadOnlyList<Annotation> rows) =>
        rows.Count == 0 ? double.NaN : rows.Average(r => Logistic(fit.Difficulty * r.Difficulty + fit.Baseline));

    public static double Compute(IReadOnlyList<Annotation> rows) => Predict(FitGlm(rows), rows);

    private static double Logistic(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));

    // pandas Series.std(): sample standard deviation (ddof = 1).
    private static double StandardDeviation(double[] v) => v.Length < 2 ? 0 : MathNet.Numerics.Statistics.Statistics.StandardDeviation(v);
}
