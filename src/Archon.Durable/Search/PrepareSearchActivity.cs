using System.Text;
using Archon.Core.Search;
using Archon.Durable.Contracts;
using Archon.Core.Storage;
using Microsoft.DurableTask;

namespace Archon.Durable.Search;

/// <summary>
/// Validates and stores the spec, then runs preprocessing (model ranking and fuser ranking on the dev split) unless its
/// result is already stored — a restarted search reuses it. An invalid spec fails with <see cref="ArchonInputException"/>
/// (not retried) naming the field and rule.
/// </summary>
public sealed class PrepareSearchActivity(SearchWorkspace workspace) : TaskActivity<SearchRequest, SearchPlanInfo>
{
    public override Task<SearchPlanInfo> RunAsync(TaskActivityContext context, SearchRequest input) => ExecuteAsync(input);

    /// <summary>The body, shared by the Durable class registration and the Functions wrapper.</summary>
    public async Task<SearchPlanInfo> ExecuteAsync(SearchRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        SearchSpec spec;
        try
        {
            spec = SearchSpecLoader.Parse(input.SpecJson, $"search '{input.SearchId}' spec");
        }
        catch (SearchSpecException e)
        {
            throw new ArchonInputException(e.Message);
        }

        var store = workspace.Store;
        var specRef = BlobLayout.SearchSpec(input.SearchId);
        await store.PutBytesAsync(specRef.Container, specRef.Name, Encoding.UTF8.GetBytes(input.SpecJson), "application/json", CancellationToken.None).ConfigureAwait(false);
        var ranking = await store.GetJsonAsync<ModelRanking>(SearchBlobs.Ranking(input.SearchId), CancellationToken.None).ConfigureAwait(false);
        if (ranking is null)
        {
            try
            {
                var builder = new ModelRankingBuilder(workspace.Evaluator(spec), workspace.Environment);
                ranking = await builder.BuildAsync(spec, CancellationToken.None).ConfigureAwait(false);
            }
            catch (SearchSpecException e)
            {
                throw new ArchonInputException(e.Message);
            }

            await store.PutJsonAsync(SearchBlobs.Ranking(input.SearchId), ranking, CancellationToken.None).ConfigureAwait(false);
        }

        var session = await workspace.SessionAsync(input.SearchId, CancellationToken.None).ConfigureAwait(false);
        if (SpaceDescription.EmptyReason(session.Space) is { } empty)
        {
            throw new ArchonInputException($"search '{input.SearchId}': {empty}");
        }

        return new SearchPlanInfo(input.SearchId, spec.Algorithm, session.Space.Count, session.Space.UnconstrainedSize,
            workspace.Environment.Items(spec, "dev").Count, workspace.Environment.Items(spec, "test").Count);
    }
}
