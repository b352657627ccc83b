namespace Archon.Core.Evaluation.Sandbox;

/// <summary>
/// What a sandboxed program did. <see cref="ExitCode"/> is the interpreter's (non-zero after an uncaught exception, -1
/// when killed); <see cref="OutputTruncated"/> when stdout passed <see cref="SandboxOptions.MaxOutputChars"/>.
/// </summary>
public sealed record ProgramRunResult(string Stdout, string Stderr, int ExitCode, bool TimedOut, bool OutputTruncated, double DurationMs, string Isolation);
