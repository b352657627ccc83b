namespace Archon.Core.Providers;

/// <summary>
/// Keys of <c>ChatOptions.AdditionalProperties</c> / <c>ChatResponse.AdditionalProperties</c> that carry Archon call
/// metadata. Real providers ignore them; the simulator reads the request keys; the invoker reads the response keys.
/// </summary>
public static class CallMetadata
{
    public const string Role = "archon.role";
    public const string ItemId = "archon.item_id";
    public const string SampleIndex = "archon.sample_index";
    public const string Layer = "archon.layer";
    public const string CallId = "archon.call_id";

    /// <summary>Request: id (name@version) of the prompt pack the messages were written with; part of the cache key.</summary>
    public const string PromptPack = "archon.prompt_pack";

    /// <summary>Response: the capability adaptations made to the request (string list), recorded in the trace.</summary>
    public const string Adaptations = "archon.adaptations";

    /// <summary>Response: how many retries the resilience pipeline made.</summary>
    public const string Retries = "archon.retries";

    /// <summary>Response: how long the call took (or, for a cache hit, took originally; for the SIMULATED fleet, its
    /// simulated latency), in milliseconds. <see cref="ChatClientModelInvoker"/> reports it instead of its own clock.</summary>
    public const string LatencyMs = "archon.latency_ms";

    /// <summary>Response: true when the response came from the response cache.</summary>
    public const string Cached = "archon.cached";
}
