using MathNet.Numerics.LinearAlgebra;

namespace Archon.Core.Search.Gp;

/// <summary>
/// Gaussian-process regression with a <see cref="MixedKernel"/>. Targets are standardised; the signal variance is the
/// closed-form maximiser of the likelihood for the other hyperparameters, which are chosen from a small grid by log
/// marginal likelihood. Each observation may carry its own noise multiplier: a score measured on a fraction f of the
/// items is an unbiased but noisier estimate, so it gets nugget / f.
/// </summary>
public sealed class GaussianProcess
{
    private readonly double[][] _x;
    private readonly double[] _alpha;
    private readonly double[,] _lower;
    private readonly double _mean;
    private readonly double _scale;
    private readonly double _signalVariance;

    private GaussianProcess(double[][] x, double[] alpha, double[,] lower, double mean, double scale, double signalVariance,
        MixedKernel kernel, GpHyperparameters hyperparameters, double logLikelihood)
    {
        _x = x;
        _alpha = alpha;
        _lower = lower;
        _mean = mean;
        _scale = scale;
        _signalVariance = signalVariance;
        Kernel = kernel;
        Hyperparameters = hyperparameters;
        LogMarginalLikelihood = logLikelihood;
    }

    public MixedKernel Kernel { get; }

    public GpHyperparameters Hyperparameters { get; }

    public double LogMarginalLikelihood { get; }

    public int Count => _x.Length;

    /// <summary>Fits with the best hyperparameters of <paramref name="grid"/> (default grid when null).</summary>
    public static GaussianProcess Fit(IReadOnlyList<double[]> x, IReadOnlyList<double> y, int ordinalAxes,
        IReadOnlyList<double>? noiseMultipliers = null, IReadOnlyList<GpHyperparameters>? grid = null)
    {
        if (x.Count == 0 || x.Count != y.Count)
        {
            throw new ArgumentException("GP needs at least one observation and one target per point.");
        }

        GaussianProcess? best = null;
        foreach (var h in grid ?? GpHyperparameters.DefaultGrid)
        {
            var candidate = FitWith(x, y, ordinalAxes, h, noiseMultipliers);
            if (candidate is not null && (best is null || candidate.LogMarginalLikelihood > best.LogMarginalLikelihood))
            {
                best = candidate;
            }
        }

        return best ?? throw new InvalidOperationException("GP fit failed for every hyperparameter setting.");
    }

    /// <summary>Fits with fixed hyperparameters; null when the kernel matrix is not positive definite.</summary>
    public static GaussianProcess? FitWith(IReadOnlyList<double[]> x, IReadOnlyList<double> y, int ordinalAxes,
        GpHyperparameters h, IReadOnlyList<double>? noiseMultipliers = null)
    {
        var n = x.Count;
        var mean = y.Average();
        var sd = Math.Sqrt(y.Sum(v => (v - mean) * (v - mean)) / n);
        var scale = sd > 1e-12 ? sd : 1.0;
        var z = Vector<double>.Build.Dense(n, i => (y[i] - mean) / scale);
        var kernel = new MixedKernel(ordinalAxes, h.LengthScale, h.CategoricalWeight);
        var k = Matrix<double>.Build.Dense(n, n);
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var v = kernel.Evaluate(x[i], x[j]);
                k[i, j] = v;
                k[j, i] = v;
            }

            // A floor of 1e-9 keeps the factorisation stable when two observations coincide.
            k[i, i] += Math.Max(h.Nugget, 1e-9) * (noiseMultipliers?[i] ?? 1.0);
        }

        MathNet.Numerics.LinearAlgebra.Factorization.Cholesky<double> chol;
        try
        {
            chol = k.Cholesky();
        }
        catch (ArgumentException)
        {
            return null;
        }

        var alpha = chol.Solve(z);
        var signal = Math.Max(z.DotProduct(alpha) / n, 1e-12);
        var logDet = chol.DeterminantLn;
        var logLikelihood = -0.5 * n * Math.Log(signal) - 0.5 * logDet - 0.5 * n;
        return new GaussianProcess([.. x], alpha.ToArray(), chol.Factor.ToArray(), mean, scale, signal, kernel, h, logLikelihood);
    }

    /// <summary>Posterior mean and standard deviation of the latent (noise-free) objective at <paramref name="point"/>.</summary>
    public (double Mean, double StdDev) Predict(ReadOnlySpan<double> point)
    {
        var n = _x.Length;
        Span<double> v = n <= 512 ? stackalloc double[n] : new double[n];
        double mu = 0;
        for (var i = 0; i < n; i++)
        {
            var kv = Kernel.Evaluate(point, _x[i]);
            v[i] = kv;
            mu += kv * _alpha[i];
        }

        // Forward substitution L w = k*, then var = s² (1 − w·w).
        double ww = 0;
        for (var i = 0; i < n; i++)
        {
            var sum = v[i];
            for (var j = 0; j < i; j++)
            {
                sum -= _lower[i, j] * v[j];
            }

            var w = sum / _lower[i, i];
            v[i] = w;
            ww += w * w;
        }

        var variance = Math.Max(_signalVariance * (1 - ww), 0);
        return (_mean + _scale * mu, _scale * Math.Sqrt(variance));
    }

    /// <summary>Posterior mean only (cheaper: no triangular solve).</summary>
    public double PredictMean(ReadOnlySpan<double> point)
    {
        double mu = 0;
        for (var i = 0; i < _x.Length; i++)
        {
            mu += Kernel.Evaluate(point, _x[i]) * _alpha[i];
        }

        return _mean + _scale * mu;
    }
}
