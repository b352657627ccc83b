namespace Archon.Core.Search;

/// <summary>Which spec <c>catalog</c> values a host runs; the HTTP API rejects the others with a 400 before starting.</summary>
public interface ISearchCatalogPolicy
{
    /// <summary>Null when the host runs <paramref name="spec"/>'s catalog, else the rule (naming the valid values).</summary>
    string? Reject(SearchSpec spec);
}
