namespace Archon.Core.Evaluation.Sandbox;

/// <summary>
/// Runs untrusted Python from a model. Two implementations: <see cref="BubblewrapSandbox"/> (local OS sandbox, Linux +
/// bubblewrap) and <see cref="SessionPoolSandbox"/> (Azure Container Apps dynamic sessions), chosen by
/// <see cref="CodeSandboxOptions.Kind"/>. Threat model and which one runs where: docs/sandbox.md.
/// </summary>
public interface ICodeSandbox
{
    /// <summary>What protection is in force (for reports), e.g. "bubblewrap: uid 65534, no network, ...".</summary>
    string Isolation { get; }

    /// <summary>
    /// Unit-test verdict: the item's tests run in a checker outside the candidate's interpreter and call the
    /// candidate's functions over a data-only pipe. Nothing the candidate prints, returns or exits with can make it pass.
    /// </summary>
    Task<SandboxVerdict> CheckAsync(CodeCheck check, CancellationToken cancellationToken);

    /// <summary>
    /// Runs one program with the given stdin under the limits and returns its stdout, stderr, exit code and whether
    /// it timed out (stdin/stdout benchmarks such as CodeContests; the caller compares the output, outside the sandbox).
    /// </summary>
    Task<ProgramRunResult> RunProgramAsync(ProgramRun run, CancellationToken cancellationToken);
}
