using Archon.Core.Execution;
using Archon.Core.Storage;
using Archon.Durable;
using Archon.Offline.Loopback;

namespace Archon.TestSupport;

/// <summary>Faults <see cref="LoopbackTestServer"/> can inject, each for one request, in the protocol the request used.</summary>
public static class LoopbackFault
{
    public static Func<LoopbackExchange, LoopbackReply> RateLimited(int retryAfterSeconds) => _ =>
        LoopbackReply.Raw(429, """{"error":{"message":"rate limited","type":"rate_limit_error"}}""",
            new Dictionary<string, string> { ["Retry-After"] = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    public static Func<LoopbackExchange, LoopbackReply> ServerError() => e =>
        LoopbackReply.Raw(500, e.Protocol == "anthropic"
            ? """{"type":"error","error":{"type":"api_error","message":"internal error"}}"""
            : """{"error":{"message":"internal error","type":"server_error"}}""");

    public static Func<LoopbackExchange, LoopbackReply> BadRequest() => _ =>
        LoopbackReply.Raw(400, """{"error":{"message":"bad request","type":"invalid_request_error"}}""");

    /// <summary>Answers normally, but only after <paramref name="delay"/> (use a delay past the client timeout).</summary>
    public static Func<LoopbackExchange, LoopbackReply> Slow(TimeSpan delay) => _ => LoopbackReply.Ok("late reply") with { Delay = delay };

    public static Func<LoopbackExchange, LoopbackReply> MalformedJson() => _ => LoopbackReply.Raw(200, """{"id":"x","choices":[{"message":""");

    public static Func<LoopbackExchange, LoopbackReply> EmptyChoices() => e => LoopbackReply.Raw(200, e.Protocol == "anthropic"
        ? """{"id":"msg_e","type":"message","role":"assistant","model":"m","content":[],"stop_reason":"end_turn","stop_sequence":null,"usage":{"input_tokens":1,"output_tokens":0}}"""
        : """{"id":"chatcmpl-e","object":"chat.completion","created":0,"model":"m","choices":[],"usage":{"prompt_tokens":1,"completion_tokens":0,"total_tokens":1}}""");
}
