namespace Archon.Core.Evaluation.CodeContests;

/// <summary>One stdin/stdout test of a CodeContests problem.</summary>
public sealed record CodeContestsTest(string Input, string Output);
