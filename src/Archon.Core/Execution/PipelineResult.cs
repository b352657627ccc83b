namespace Archon.Core.Execution;

/// <summary>The outcome of running an architecture on one query.</summary>
public sealed record PipelineResult(string? Answer, QueryState FinalState, IReadOnlyList<TraceEntry> Trace, UsageTotals Totals)
{
    /// <summary>Id (name@version) of the prompt pack the components used.</summary>
    public string? PromptPack { get; init; }
}
