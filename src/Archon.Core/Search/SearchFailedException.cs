namespace Archon.Core.Search;

/// <summary>
/// The search cannot produce a result: every model call of its preprocessing or of every candidate failed. The
/// message carries the provider's error. Never retried (the provider stack already retried each call), so the
/// search ends Failed with this message instead of completing with scores of 0.
/// </summary>
public sealed class SearchFailedException(string message) : Exception(message);
