using Microsoft.ML.Tokenizers;

namespace Archon.Core.Execution;

/// <summary>
/// Counts tokens with the o200k_base tiktoken vocabulary (shipped in a NuGet package, so it works offline) plus a
/// small per-message overhead, as chat APIs bill it. Other model families tokenise differently; budgets treat this
/// as an estimate, which is why they compare against limits with the output bound (max_tokens) added.
/// </summary>
public static class TokenCounter
{
    /// <summary>Tokens a chat format adds per message (role markers, separators).</summary>
    public const int PerMessageOverhead = 4;

    private static readonly Lazy<Tokenizer> Tokenizer = new(() => TiktokenTokenizer.CreateForEncoding("o200k_base"));

    public static int Count(string text) => string.IsNullOrEmpty(text) ? 0 : Tokenizer.Value.CountTokens(text);

    public static int Count(IReadOnlyList<ChatTurn> messages) => messages.Sum(m => Count(m.Content) + PerMessageOverhead) + 3;
}
