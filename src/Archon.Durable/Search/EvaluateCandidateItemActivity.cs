using Archon.Core.Search;
using Archon.Core.Search.Execution;
using Archon.Core.Storage;
using Archon.Durable.Contracts;
using Microsoft.DurableTask;

namespace Archon.Durable.Search;

/// <summary>
/// Runs one candidate on one item, in process, with layer-prefix reuse and the search response cache (both in the
/// store). Why a per-item activity rather than the inference orchestration's per-call fan-out: a search runs thousands of
/// items, and per-call activities would put every call into orchestration history; prefix reuse also needs to read and
/// write intermediate states, which is I/O that belongs in an activity. Model I/O still goes through the same
/// <see cref="Archon.Core.Execution.IModelInvoker"/> provider stack as the model-call activity.
/// </summary>
public sealed class EvaluateCandidateItemActivity(SearchWorkspace workspace) : TaskActivity<CandidateItemTask, BlobRef>
{
    public override Task<BlobRef> RunAsync(TaskActivityContext context, CandidateItemTask input) => ExecuteAsync(input);

    /// <summary>The body, shared by the Durable class registration and the Functions wrapper.</summary>
    public async Task<BlobRef> ExecuteAsync(CandidateItemTask input)
    {
        var session = await workspace.SessionAsync(input.SearchId, CancellationToken.None).ConfigureAwait(false);
        var point = SearchPoint.TryParse(input.PointKey) ?? throw new ArchonInputException($"candidate '{input.PointKey}': not a search point key");
        var items = workspace.Environment.Items(session.Spec, input.Split);
        if (input.ItemIndex < 0 || input.ItemIndex >= items.Count)
        {
            throw new ArchonInputException($"item index {input.ItemIndex}: outside the {input.Split} split ({items.Count} items)");
        }

        var architecture = session.Space.Encoder.Encode(point);
        var run = await workspace.ItemRunner(session.Spec).RunAsync(architecture, items[input.ItemIndex], CancellationToken.None,
            session.Ranking.GuardFactory(session.Space.Budget)).ConfigureAwait(false);
        // Refs, not payloads: the run (answer, usage) goes to the store; history carries only where it is.
        var target = SearchBlobs.ItemRun(input.SearchId, input.PointKey, input.Split, input.ItemIndex);
        await workspace.Store.PutJsonAsync(target, run, CancellationToken.None).ConfigureAwait(false);
        return target;
    }
}
