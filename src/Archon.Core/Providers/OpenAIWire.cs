using System.Diagnostics.CodeAnalysis;
using OpenAI.Chat;

namespace Archon.Core.Providers;

/// <summary>Raw OpenAI request options for what the SDK's typed surface cannot express.</summary>
internal static class OpenAIWire
{
    [SuppressMessage("Usage", "SCME0001", Justification = "JsonPatch is the SDK's supported way to add a wire field it does not model.")]
    public static ChatCompletionOptions WithMaxTokens(int tokens)
    {
        var raw = new ChatCompletionOptions();
#pragma warning disable SCME0001
        raw.Patch.Set("$.max_tokens"u8, tokens);
#pragma warning restore SCME0001
        return raw;
    }
}
