namespace Archon.Durable.Contracts;

/// <summary>Names shared by the search endpoints, the timer trigger and the search orchestration.</summary>
public static class SearchNames
{
    /// <summary>Orchestration name of the search (the class in Archon.Durable.Search).</summary>
    public const string Orchestration = nameof(Search.SearchOrchestration);
}
