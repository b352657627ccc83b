namespace Archon.Core.Evaluation.Sandbox;

/// <summary>
/// Limits of one sandboxed evaluation (both implementations) and the local OS sandbox's settings. CPU 10 s, wall 20 s,
/// address space 1 GiB, files 16 MiB, 32 processes per sandbox uid, 2,000 checker calls. The CPU limit is above
/// human-eval's 3 s because MBPP's own reference answer to task 123 needs 5.7 s of CPU on a 2-core VM (docs/sandbox.md).
/// </summary>
public sealed record SandboxOptions
{
    public int CpuSeconds { get; init; } = 10;
    public TimeSpan WallTimeout { get; init; } = TimeSpan.FromSeconds(20);
    public long MemoryBytes { get; init; } = 1L << 30;
    public long FileSizeBytes { get; init; } = 16L << 20;

    /// <summary>RLIMIT_NPROC. Each concurrent slot runs under its own uid (see <see cref="UnprivilegedId"/>), so one
    /// fork bomb cannot use up another evaluation's processes. Only applied when running as root (uid drop).</summary>
    public int MaxProcesses { get; init; } = 32;

    /// <summary>Concurrent evaluations; defaults to the core count.</summary>
    public int MaxParallel { get; init; } = Environment.ProcessorCount;

    /// <summary>Cap on captured stdout/stderr per run (characters); the rest is dropped and flagged.</summary>
    public int MaxOutputChars { get; init; } = 16_384;

    /// <summary>Cap on one protocol message (bytes): a larger reply fails the check.</summary>
    public int MaxMessageBytes { get; init; } = 4 << 20;

    /// <summary>Cap on checker→candidate calls per check (HumanEval's largest test makes about 100).</summary>
    public int MaxCalls { get; init; } = 2_000;

    /// <summary>The Python inside the sandbox. Must live in a system location readable by the sandbox uid (not /root).</summary>
    public string Python { get; init; } = "/usr/bin/python3";

    /// <summary>bubblewrap executable (Debian/Ubuntu package <c>bubblewrap</c>).</summary>
    public string Bubblewrap { get; init; } = "bwrap";

    /// <summary>In-process audit hook in the agent: a second layer with friendlier errors; nothing depends on it.</summary>
    public bool AuditHook { get; init; } = true;

    /// <summary>uid/gid when running as root: 65534 (nobody) for slot 0, the ids just below it for further slots.</summary>
    public int UnprivilegedId { get; init; } = 65534;

    /// <summary>Every rule broken, one line each (empty when valid).</summary>
    public IReadOnlyList<string> Problems()
    {
        var p = new List<string>();
        if (CpuSeconds < 1) { p.Add("Sandbox.CpuSeconds must be >= 1."); }
        if (WallTimeout <= TimeSpan.Zero || WallTimeout > TimeSpan.FromMinutes(10)) { p.Add("Sandbox.WallTimeout must be in (0, 10 min]."); }
        if (MemoryBytes < 64L << 20) { p.Add("Sandbox.MemoryBytes must be >= 64 MiB."); }
        if (FileSizeBytes < 1) { p.Add("Sandbox.FileSizeBytes must be >= 1."); }
        if (MaxProcesses < 4) { p.Add("Sandbox.MaxProcesses must be >= 4 (bubblewrap itself needs some)."); }
        if (MaxParallel is < 1 or > 256) { p.Add("Sandbox.MaxParallel must be in [1, 256]."); }
        if (MaxOutputChars < 256) { p.Add("Sandbox.MaxOutputChars must be >= 256."); }
        if (MaxMessageBytes < 4096) { p.Add("Sandbox.MaxMessageBytes must be >= 4096."); }
        if (MaxCalls < 1) { p.Add("Sandbox.MaxCalls must be >= 1."); }
        if (string.IsNullOrWhiteSpace(Python)) { p.Add("Sandbox.Python must name an interpreter."); }
        if (UnprivilegedId - MaxParallel < 1000) { p.Add("Sandbox.UnprivilegedId minus MaxParallel must stay >= 1000 (no system uids)."); }
        return p;
    }

    public void Validate()
    {
        var problems = Problems();
        if (problems.Count > 0) { throw new ArgumentException(string.Join(" ", problems)); }
    }
}
