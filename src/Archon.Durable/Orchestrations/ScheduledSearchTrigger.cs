using Archon.Core.Search;
using Archon.Durable.Contracts;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Archon.Durable.Orchestrations;

/// <summary>
/// Body of the timer trigger: starts the configured search unless it is already running (same id → skipped).
/// A plain class so tests call it with a real <see cref="DurableTaskClient"/>.
/// </summary>
public sealed partial class ScheduledSearchTrigger(ScheduledSearchOptions options, ILogger<ScheduledSearchTrigger> logger)
{
    public async Task<ScheduledSearchResult> RunAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.SpecJson))
        {
            LogNotConfigured(logger);
            return new ScheduledSearchResult(options.SearchId, ScheduledSearchStatus.NotConfigured, "ARCHON_SEARCH_SPEC: not set");
        }

        try
        {
            SearchSpecLoader.Parse(options.SpecJson, "ARCHON_SEARCH_SPEC");
        }
        catch (SearchSpecException e)
        {
            LogInvalidSpec(logger, e.Message);
            return new ScheduledSearchResult(options.SearchId, ScheduledSearchStatus.InvalidSpec, e.Message);
        }

        var outcome = await SearchStarter.StartAsync(client, new SearchRequest(options.SearchId, options.SpecJson), cancellationToken).ConfigureAwait(false);
        if (outcome == SearchStartOutcome.AlreadyRunning)
        {
            LogStillRunning(logger, options.SearchId);
            return new ScheduledSearchResult(options.SearchId, ScheduledSearchStatus.AlreadyRunning, "a run with this id is still running");
        }

        LogStarted(logger, options.SearchId);
        return new ScheduledSearchResult(options.SearchId, ScheduledSearchStatus.Started, "started");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled search: ARCHON_SEARCH_SPEC is not set; nothing to start")]
    private static partial void LogNotConfigured(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled search: {Message}")]
    private static partial void LogInvalidSpec(ILogger logger, string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled search {SearchId} is still running; not starting another")]
    private static partial void LogStillRunning(ILogger logger, string searchId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled search {SearchId} started")]
    private static partial void LogStarted(ILogger logger, string searchId);
}

public sealed record ScheduledSearchResult(string SearchId, ScheduledSearchStatus Status, string Message);

public enum ScheduledSearchStatus
{
    Started,
    AlreadyRunning,
    NotConfigured,
    InvalidSpec,
}
