using Archon.Core.Storage;
using Archon.Durable.Orchestrations;
using Microsoft.DurableTask;

namespace Archon.Durable.Search;

/// <summary>
/// One candidate (instance id <c>{searchId}-c{candidateId}</c>): returns at once when its result is already stored
/// (resume), otherwise runs the candidate over its items as per-item activities with at most
/// <see cref="CandidateInput.Parallelism"/> in flight, then scores and stores it in one activity. Item runs stay in the store; history carries their references.
/// </summary>
public sealed class CandidateOrchestration : TaskOrchestrator<CandidateInput, CandidateSummary>
{
    public override async Task<CandidateSummary> RunAsync(TaskOrchestrationContext context, CandidateInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var stored = await context.CallActivityAsync<CandidateSummary?>(nameof(LoadCandidateActivity), input, DurableRetry.Activity);
        if (stored is not null)
        {
            return stored;
        }

        var runs = new BlobRef[input.Items];
        var inFlight = new Dictionary<Task<BlobRef>, int>();
        var done = 0;
        for (var i = 0; i < input.Items; i++)
        {
            if (inFlight.Count >= Math.Max(1, input.Parallelism))
            {
                done += await CollectOne(inFlight, runs);
                context.SetCustomStatus(new CandidateProgress(input.PointKey, done, input.Items));
            }

            var task = context.CallActivityAsync<BlobRef>(nameof(EvaluateCandidateItemActivity),
                new CandidateItemTask(input.SearchId, input.PointKey, input.Split, i), DurableRetry.Activity);
            inFlight[task] = i;
        }

        while (inFlight.Count > 0)
        {
            done += await CollectOne(inFlight, runs);
        }

        context.SetCustomStatus(new CandidateProgress(input.PointKey, done, input.Items));
        return await context.CallActivityAsync<CandidateSummary>(nameof(ScoreCandidateActivity), new ScoreCandidateInput(input, runs), DurableRetry.Activity);
    }

    private static async Task<int> CollectOne(Dictionary<Task<BlobRef>, int> inFlight, BlobRef[] runs)
    {
        var finished = await Task.WhenAny(inFlight.Keys);
        runs[inFlight[finished]] = await finished;
        inFlight.Remove(finished);
        return 1;
    }
}
