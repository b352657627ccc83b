namespace Archon.Core.Providers;

/// <summary>The model catalog file is missing or malformed; the message names the file and the field.</summary>
public sealed class CatalogException(string message) : Exception(message);
