namespace Archon.Durable.Orchestrations;

/// <summary>
/// The external event a streaming chat completion raises on its orchestration when the client disconnected and did not
/// reconnect in time: the orchestration stops before the next layer and records why (a <c>cancelled</c> note).
/// </summary>
public static class ClientCancellation
{
    public const string EventName = "ArchonClientDisconnected";

    public const string NoteKind = "cancelled";
}
