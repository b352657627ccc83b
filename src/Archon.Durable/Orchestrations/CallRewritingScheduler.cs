using Archon.Core.Execution;

namespace Archon.Durable.Orchestrations;

/// <summary>
/// Rewrites requests on their way to the inner scheduler (deterministic, orchestration-safe): for choice k &gt; 0 of an
/// n-choice completion the call ids get a <c>.n{k}</c> suffix and <see cref="ModelCallRequest.Choice"/> is set, so
/// the n runs stay distinct in the trace, the caches and the providers; while <see cref="StreamTo"/> is set, calls
/// are marked to stream their tokens to that relay stream (the final stage of a streaming completion).
/// </summary>
internal sealed class CallRewritingScheduler(IModelCallScheduler inner, int choice) : IModelCallScheduler
{
    public string? StreamTo { get; set; }

    public Task<IReadOnlyList<ModelCallResult>> RunAsync(IReadOnlyList<ModelCallRequest> calls, CancellationToken cancellationToken)
    {
        if (choice == 0 && StreamTo is null)
        {
            return inner.RunAsync(calls, cancellationToken);
        }

        var rewritten = calls.Select(c => c with
        {
            CallId = choice == 0 ? c.CallId : $"{c.CallId}.n{choice}",
            Choice = choice,
            StreamTo = StreamTo ?? c.StreamTo,
        }).ToList();
        return inner.RunAsync(rewritten, cancellationToken);
    }
}
