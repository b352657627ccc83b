using Microsoft.Extensions.AI;

namespace Archon.Core.Evaluation.Judging;

/// <summary>One judge request through <see cref="IChatClient"/> (temperature 0 as the upstream judges use).</summary>
internal static class JudgeCall
{
    public static async Task<string> AskAsync(IChatClient judge, string system, string user, int maxTokens, CancellationToken ct) =>
        (await AskForResponseAsync(judge, system, user, maxTokens, null, ct)).Text ?? "";

    /// <param name="rawOptions">Provider-specific request options (e.g. OpenAI logprobs), passed through
    /// <see cref="ChatOptions.RawRepresentationFactory"/>; providers that do not understand them ignore them.</param>
    public static async Task<ChatResponse> AskForResponseAsync(IChatClient judge, string system, string user, int maxTokens,
        Func<IChatClient, object?>? rawOptions, CancellationToken ct)
    {
        List<ChatMessage> messages = system.Length > 0
            ? [new(ChatRole.System, system), new(ChatRole.User, user)]
            : [new(ChatRole.User, user)];
        var options = new ChatOptions { Temperature = 0, MaxOutputTokens = maxTokens };
        options.AdditionalProperties = new AdditionalPropertiesDictionary { ["archon.role"] = "judge" };
        options.RawRepresentationFactory = rawOptions;
        return await judge.GetResponseAsync(messages, options, ct);
    }

    /// <summary>Stable 0/1 coin per item and seed (for position randomisation), independent of string hash seeds.</summary>
    public static bool Coin(string itemId, int seed)
    {
        var h = 2166136261u ^ (uint)seed;
        foreach (var c in itemId) { h = (h ^ c) * 16777619u; }
        return (h & 1) == 1;
    }
}
