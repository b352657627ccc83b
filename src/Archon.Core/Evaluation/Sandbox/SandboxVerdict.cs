namespace Archon.Core.Evaluation.Sandbox;

/// <summary>
/// The checker's verdict. <see cref="Passed"/> comes only from the checker process/session (never from the candidate's
/// output); <see cref="CandidateOutput"/> is the candidate's stderr/stdout tail, for diagnostics only.
/// </summary>
public sealed record SandboxVerdict(bool Passed, string Detail, bool TimedOut, string CandidateOutput, double DurationMs, string Isolation);
