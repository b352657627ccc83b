namespace Archon.Core.Evaluation.Datasets;

/// <summary>
/// A benchmark file is missing or unreadable. The message names the expected file and where its public copy comes
/// from, so a user on a fresh machine knows exactly what to download and where to put it.
/// </summary>
public sealed class DatasetNotFoundException(string message) : Exception(message);
