namespace Archon.Durable.Orchestrations;

/// <summary>
/// Thrown inside an inference orchestration (never out of it) when the client of a streaming completion disconnected:
/// it unwinds the runner's layer loop so no later model call is scheduled. <see cref="Issued"/> says whether the
/// interrupted batch had been scheduled (and finished) or was never sent.
/// </summary>
internal sealed class ClientDisconnectedException(int layer, bool issued)
    : Exception($"the client disconnected during layer {layer}")
{
    public int Layer { get; } = layer;

    public bool Issued { get; } = issued;
}
