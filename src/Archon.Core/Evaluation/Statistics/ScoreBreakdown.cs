namespace Archon.Core.Evaluation.Statistics;

/// <summary>One group of a benchmark's score (MixEval source benchmark, split, ...): mean, n and bootstrap 95% CI.</summary>
public sealed record ScoreBreakdown(string Group, double Mean, int N, double CiLow, double CiHigh);
