namespace Archon.Core.Search;

/// <summary>A search spec broke a rule; the message names the source, the field and the rule.</summary>
public sealed class SearchSpecException(string message) : Exception(message);
