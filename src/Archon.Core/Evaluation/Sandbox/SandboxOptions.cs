namespace Archon.Core.Evaluation.Sandbox;

/// <summary>
/// Limits for one sandboxed python3 run. Defaults follow human-eval's budget (3 s per task) with headroom for a
/// loaded 2-core machine: CPU 5 s, wall 15 s, address space 1 GiB, files 16 MiB, 32 processes for the sandbox uid.
/// </summary>
public sealed record SandboxOptions
{
    public int CpuSeconds { get; init; } = 5;
    public TimeSpan WallTimeout { get; init; } = TimeSpan.FromSeconds(15);
    public long MemoryBytes { get; init; } = 1L << 30;
    public long FileSizeBytes { get; init; } = 16L << 20;
    /// <summary>RLIMIT_NPROC; only applied when the sandbox runs under its own unprivileged uid (see docs/sandbox.md).</summary>
    public int MaxProcesses { get; init; } = 32;
    /// <summary>Concurrent sandboxes; defaults to the core count so code items run in parallel without oversubscribing.</summary>
    public int MaxParallel { get; init; } = Environment.ProcessorCount;
    public int MaxOutputChars { get; init; } = 16_384;
    /// <summary>python3 executable; resolved to its real path once (pyenv shims do not work for another uid).</summary>
    public string Python { get; init; } = "python3";
    /// <summary>The in-process audit hook (file, socket, process bans). Only tests turn it off, to check the OS layer alone.</summary>
    public bool AuditHook { get; init; } = true;

    /// <summary>uid/gid for privilege drop when running as root (65534 = nobody).</summary>
    public int UnprivilegedId { get; init; } = 65534;

    public void Validate()
    {
        if (CpuSeconds < 1) { throw new ArgumentException("SandboxOptions.CpuSeconds must be >= 1."); }
        if (WallTimeout <= TimeSpan.Zero) { throw new ArgumentException("SandboxOptions.WallTimeout must be positive."); }
        if (MemoryBytes < 64L << 20) { throw new ArgumentException("SandboxOptions.MemoryBytes must be >= 64 MiB."); }
        if (MaxParallel < 1) { throw new ArgumentException("SandboxOptions.MaxParallel must be >= 1."); }
    }
}
