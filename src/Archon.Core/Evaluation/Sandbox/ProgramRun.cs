namespace Archon.Core.Evaluation.Sandbox;

/// <summary>A whole program (Python source) and the text fed to its stdin. <see cref="WallTimeout"/> overrides the sandbox default.</summary>
public sealed record ProgramRun(string Code, string Stdin, TimeSpan? WallTimeout = null);
