using Archon.Core.Search.Gp;

namespace Archon.Core.Tests.Search;

public sealed class GaussianProcessTests
{
    private static readonly double[][] X =
    [
        [0.0, 0.0, 0.0, 0.0, 0, 0],
        [0.3, 0.5, 0.0, 0.0, 1, 0],
        [0.7, 0.2, 0.5, 0.4, 2, 1],
        [1.0, 1.0, 1.0, 1.0, 0, 2],
        [0.5, 0.5, 0.3, 0.2, 1, 1],
    ];

    private static readonly double[] Y = [60, 71, 83, 64, 77];

    private static GaussianProcess NoiseFree() =>
        GaussianProcess.FitWith(X, Y, 4, new GpHyperparameters(0.5, 1.0, 1e-10))!;

    [Fact]
    public void Predict_AtObservedPointsWithoutNoise_InterpolatesTargets()
    {
        var gp = NoiseFree();
        for (var i = 0; i < X.Length; i++)
        {
            var (mean, sd) = gp.Predict(X[i]);
            Assert.Equal(Y[i], mean, 3);
            Assert.True(sd < 1e-2, $"sd {sd} at observed point {i}");
        }
    }

    [Fact]
    public void Predict_FarFromData_RevertsTowardMeanWithLargerUncertainty()
    {
        var gp = NoiseFree();
        var (_, sdNear) = gp.Predict([0.31, 0.5, 0.0, 0.0, 1, 0]);
        var (_, sdFar) = gp.Predict([0.0, 1.0, 1.0, 0.0, 2, 2]);
        Assert.True(sdFar > sdNear);
    }

    [Fact]
    public void ExpectedImprovement_AtObservedMaximumWithoutNoise_IsZero()
    {
        var gp = NoiseFree();
        var best = Y.Max();
        var (mean, sd) = gp.Predict(X[Array.IndexOf(Y, best)]);
        Assert.Equal(0, ExpectedImprovement.Compute(mean, sd, best), 3);
    }

    [Fact]
    public void ExpectedImprovement_OverManyPoints_IsNeverNegative()
    {
        var gp = NoiseFree();
        var rng = new Random(3);
        for (var i = 0; i < 500; i++)
        {
            double[] x = [rng.NextDouble(), rng.NextDouble(), rng.NextDouble(), rng.NextDouble(), rng.Next(3), rng.Next(3)];
            var (mean, sd) = gp.Predict(x);
            Assert.True(ExpectedImprovement.Compute(mean, sd, Y.Max()) >= 0);
        }
    }

    [Fact]
    public void ExpectedImprovement_HigherUncertaintySameMean_IsLarger()
    {
        Assert.True(ExpectedImprovement.Compute(70, 5, 75) > ExpectedImprovement.Compute(70, 1, 75));
        Assert.Equal(3, ExpectedImprovement.Compute(78, 0, 75), 9);
    }

    [Fact]
    public void Fit_OverGrid_PicksHighestMarginalLikelihood()
    {
        var gp = GaussianProcess.Fit(X, Y, 4);
        foreach (var h in GpHyperparameters.DefaultGrid)
        {
            var other = GaussianProcess.FitWith(X, Y, 4, h);
            Assert.True(other is null || other.LogMarginalLikelihood <= gp.LogMarginalLikelihood + 1e-9);
        }
    }

    [Fact]
    public void Kernel_CategoricalMismatch_LowersCorrelation()
    {
        var k = new MixedKernel(4, 0.5, 1.5);
        double[] a = [0.2, 0.2, 0.2, 0.2, 0, 0];
        double[] b = [0.2, 0.2, 0.2, 0.2, 1, 0];
        Assert.Equal(1, k.Evaluate(a, a), 12);
        Assert.True(k.Evaluate(a, b) < 1);
    }
}
