namespace Archon.Durable.Contracts;

/// <summary>
/// Input of the search orchestration as the HTTP API and the timer trigger start it: the search id (also the
/// orchestration instance id, so one id never runs twice at once) and the search spec as JSON.
/// </summary>
public sealed record SearchRequest(string SearchId, string SpecJson);
