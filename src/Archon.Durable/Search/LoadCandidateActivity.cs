using Archon.Core.Search;
using Archon.Core.Storage;
using Microsoft.DurableTask;

namespace Archon.Durable.Search;

/// <summary>Returns the stored summary of a candidate, or null when it has not finished yet (the resume check).</summary>
public sealed class LoadCandidateActivity(SearchWorkspace workspace) : TaskActivity<CandidateInput, CandidateSummary?>
{
    public override Task<CandidateSummary?> RunAsync(TaskActivityContext context, CandidateInput input) => ExecuteAsync(input);

    /// <summary>The body, shared by the Durable class registration and the Functions wrapper.</summary>
    public async Task<CandidateSummary?> ExecuteAsync(CandidateInput input)
    {
        var stored = await workspace.Store.GetJsonAsync<CandidateResult>(BlobLayout.SearchCandidate(input.SearchId, input.CandidateId), CancellationToken.None).ConfigureAwait(false);
        return stored is null ? null : CandidateSummary.From(stored, skipped: true);
    }
}
