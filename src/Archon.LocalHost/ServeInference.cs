namespace Archon.LocalHost;

/// <summary>How `archon serve` runs inference requests (searches always go through the embedded Durable host).</summary>
public enum ServeInference
{
    /// <summary>
    /// The inference orchestration runs in the server's process without history or replay
    /// (<see cref="Inline.InlineInferenceClient"/>); calls and traces land in the store as on the Durable path.
    /// The default: the embedded host's orchestration state is in memory anyway, so the Durable hop adds time, not safety.
    /// </summary>
    Inline,

    /// <summary>Every inference is an orchestration instance of the embedded Durable host, as in the Functions app.</summary>
    Durable,
}
