namespace Archon.Core.Evaluation;

/// <summary>How a benchmark is scored, for reports and docs: its metric, scorer/parser, judge and data source.</summary>
public sealed record BenchmarkCard(string Name, string Metric, string Scoring, string Judge, string DataSource);
