using Archon.Core.Providers;
using Microsoft.Extensions.AI;

namespace Archon.Core.Evaluation.Judging;

/// <summary>One judge request through <see cref="IChatClient"/> (temperature 0 as the upstream judges use, unless told).</summary>
internal static class JudgeCall
{
    public static async Task<string> AskAsync(IChatClient judge, string system, string user, int maxTokens, CancellationToken ct) =>
        (await AskForResponseAsync(judge, system, user, maxTokens, null, ct)).Text ?? "";

    /// <param name="rawOptions">Provider-specific request options (e.g. OpenAI logprobs), passed through
    /// <see cref="ChatOptions.RawRepresentationFactory"/>; providers that do not understand them ignore them.</param>
    /// <param name="attempt">Re-asks carry their attempt number as the sample index, so a response cache keeps them apart.</param>
    /// <param name="temperature">0 by default; null leaves the provider's default (MixEval's model parser sets none).</param>
    public static async Task<ChatResponse> AskForResponseAsync(IChatClient judge, string system, string user, int maxTokens,
        Func<IChatClient, object?>? rawOptions, CancellationToken ct, int attempt = 0, float? temperature = 0f, string? itemId = null)
    {
        List<ChatMessage> messages = system.Length > 0
            ? [new(ChatRole.System, system), new(ChatRole.User, user)]
            : [new(ChatRole.User, user)];
        var options = new ChatOptions { Temperature = temperature, MaxOutputTokens = maxTokens };
        options.AdditionalProperties = new AdditionalPropertiesDictionary { ["archon.role"] = "judge" };
        if (attempt > 0) { options.AdditionalProperties[CallMetadata.SampleIndex] = attempt; }
        if (itemId is not null) { options.AdditionalProperties[CallMetadata.ItemId] = itemId; }
        options.RawRepresentationFactory = rawOptions;
        return await judge.GetResponseAsync(messages, options, ct);
    }

    /// <summary>
    /// Asks until <paramref name="parse"/> accepts the reply, at most <paramref name="maxAttempts"/> times (the upstream
    /// judges re-ask too). Returns the verdict or null with the last reply, so the caller reports a parse failure.
    /// </summary>
    public static async Task<(T? Verdict, string LastReply, int Attempts)> AskUntilParsedAsync<T>(IChatClient judge, string system, string user,
        int maxTokens, Func<string, T?> parse, int maxAttempts, CancellationToken ct, float? temperature = 0f, string? itemId = null)
        where T : struct
    {
        var reply = "";
        for (var attempt = 0; attempt < Math.Max(1, maxAttempts); attempt++)
        {
            reply = (await AskForResponseAsync(judge, system, user, maxTokens, null, ct, attempt, temperature, itemId)).Text ?? "";
            if (parse(reply) is { } verdict)
            {
                return (verdict, reply, attempt + 1);
            }
        }

        return (null, reply, Math.Max(1, maxAttempts));
    }

    /// <summary>The last 80 characters of a reply, for parse-failure details.</summary>
    public static string Tail(string reply)
    {
        var t = reply.Trim().ReplaceLineEndings(" ");
        return t.Length > 80 ? "…" + t[^80..] : t;
    }

    /// <summary>Stable 0/1 coin per item and seed (for position randomisation), independent of string hash seeds.</summary>
    public static bool Coin(string itemId, int seed)
    {
        var h = 2166136261u ^ (uint)seed;
        foreach (var c in itemId) { h = (h ^ c) * 16777619u; }
        return (h & 1) == 1;
    }
}
