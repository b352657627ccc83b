namespace Archon.Core.Execution;

/// <summary>
/// Something a component had to tell about a run that is not a model call: a failed call that produced no candidate,
/// output that could not be parsed after its retries, a fallback taken. Kept in <see cref="QueryState.Notes"/> so
/// nothing is dropped silently.
/// </summary>
/// <param name="Kind">call-failed, parse-failed, parse-retried, fallback.</param>
/// <param name="CallId">The call the note is about, when there is one.</param>
public sealed record ExecutionNote(int Layer, int Component, string Kind, string Message, string? CallId = null);
