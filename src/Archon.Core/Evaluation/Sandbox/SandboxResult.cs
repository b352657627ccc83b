namespace Archon.Core.Evaluation.Sandbox;

/// <summary>Outcome of one sandboxed run. <see cref="Passed"/>: exit 0, not timed out, and the runner's completion token seen.</summary>
public sealed record SandboxResult(bool Passed, int ExitCode, bool TimedOut, string Stdout, string Stderr, double DurationMs, string Isolation);
