namespace Archon.Durable.Orchestrations;

/// <summary>
/// The scheduled search, from flat app settings (the Functions timer attribute reads <c>%ARCHON_SEARCH_SCHEDULE%</c>):
/// <c>ARCHON_SEARCH_SCHEDULE</c> (six-field NCRONTAB, e.g. <c>0 0 2 * * *</c>), <c>ARCHON_SEARCH_ID</c> (instance id,
/// default <c>scheduled-search</c>) and <c>ARCHON_SEARCH_SPEC</c> (the search spec JSON). No spec = the trigger does nothing.
/// </summary>
public sealed class ScheduledSearchOptions
{
    public string? Cron { get; set; }

    public string SearchId { get; set; } = "scheduled-search";

    public string? SpecJson { get; set; }

    public static ScheduledSearchOptions FromSettings(Func<string, string?> setting) => new()
    {
        Cron = setting("ARCHON_SEARCH_SCHEDULE"),
        SearchId = setting("ARCHON_SEARCH_ID") is { Length: > 0 } id ? id : "scheduled-search",
        SpecJson = setting("ARCHON_SEARCH_SPEC"),
    };
}
