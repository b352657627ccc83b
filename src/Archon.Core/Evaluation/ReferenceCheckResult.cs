namespace Archon.Core.Evaluation;

/// <summary>How many items' own reference answers (or canonical solutions) the scorer accepts, and which it rejects.</summary>
public sealed record ReferenceCheckResult(string Benchmark, int Agree, int Total, IReadOnlyList<string> Disagreements, double Seconds)
{
    public bool AllAgree => Agree == Total;
}
