namespace Archon.Core.Evaluation.Sandbox;

/// <summary>Which <see cref="ICodeSandbox"/> runs model code. Local: bubblewrap on this machine. SessionPool: Azure.</summary>
public enum SandboxKind
{
    Local,
    SessionPool,
}
