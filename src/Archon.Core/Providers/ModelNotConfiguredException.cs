namespace Archon.Core.Providers;

/// <summary>A model an architecture names is missing from the catalog; the message says which file to add it to.</summary>
public sealed class ModelNotConfiguredException(string message) : Exception(message);
