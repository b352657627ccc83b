namespace Archon.Http;

/// <summary>
/// How POST /v1/chat/completions treats each OpenAI request field, so no field is silently dropped:
/// <see cref="Supported"/> fields work; <see cref="ArchitectureDecided"/> fields are accepted and ignored (each
/// component's config sets temperature, max tokens... for its own calls) and named in the
/// <see cref="IgnoredHeader"/> response header; any other field is a 400 naming it.
/// </summary>
public static class ChatRequestFields
{
    /// <summary>Response header listing the request's fields that were accepted but ignored.</summary>
    public const string IgnoredHeader = "X-Archon-Ignored-Fields";

    public static readonly IReadOnlySet<string> Supported = new HashSet<string>(StringComparer.Ordinal)
    {
        "model", "messages", "stream", "stream_options", "n", "response_format",
    };

    /// <summary>Sampling and bookkeeping fields the architecture (or nobody) decides; accepted, ignored, reported.</summary>
    public static readonly IReadOnlySet<string> ArchitectureDecided = new HashSet<string>(StringComparer.Ordinal)
    {
        "temperature", "top_p", "max_tokens", "max_completion_tokens", "presence_penalty", "frequency_penalty",
        "seed", "stop", "logit_bias", "user", "metadata", "store", "service_tier", "reasoning_effort", "verbosity",
    };

    /// <summary>Why a known but unsupported field is refused (the 400's rule).</summary>
    public static readonly IReadOnlyDictionary<string, string> Refused = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["tools"] = "tool calling is not supported: an architecture answers with text",
        ["tool_choice"] = "tool calling is not supported: an architecture answers with text",
        ["parallel_tool_calls"] = "tool calling is not supported: an architecture answers with text",
        ["functions"] = "function calling is not supported: an architecture answers with text",
        ["function_call"] = "function calling is not supported: an architecture answers with text",
        ["logprobs"] = "log probabilities are not available: the answer is assembled from several model calls",
        ["top_logprobs"] = "log probabilities are not available: the answer is assembled from several model calls",
        ["audio"] = "audio output is not supported",
        ["modalities"] = "only text output is supported",
        ["prediction"] = "predicted outputs are not supported",
        ["web_search_options"] = "web search is not supported",
    };
}
