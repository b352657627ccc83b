namespace Archon.Durable.Contracts;

/// <summary>
/// Bad input discovered inside an orchestration or activity (unknown architecture name, invalid architecture).
/// Never retried by <see cref="Orchestrations.DurableRetry"/>: retrying cannot fix the input.
/// </summary>
public sealed class ArchonInputException(string message) : Exception(message);
