using Archon.Durable.Orchestrations;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Archon.Functions.Functions;

/// <summary>
/// Scheduled search: cron from the <c>ARCHON_SEARCH_SCHEDULE</c> app setting (six-field NCRONTAB, required by the host),
/// spec from <c>ARCHON_SEARCH_SPEC</c>, id from <c>ARCHON_SEARCH_ID</c>. Never starts a second run of a running id.
/// </summary>
public sealed class TimerFunctions(ScheduledSearchTrigger trigger)
{
    [Function("ScheduledSearch")]
    public async Task ScheduledSearch(
        [TimerTrigger("%ARCHON_SEARCH_SCHEDULE%")] TimerInfo timer,
        [DurableClient] DurableTaskClient client,
        FunctionContext context) =>
        await trigger.RunAsync(client, context.CancellationToken);
}
