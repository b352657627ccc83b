namespace Archon.Core.Evaluation.Scoring;

/// <summary>A scorer that names the benchmark metric its item values average to ("accuracy", "pass@1", "mean rating 1–10").</summary>
public interface IMetricNamed
{
    string Metric { get; }
}
