using System.Text.Json;
using System.Text.Json.Serialization;

namespace Archon.Http;

/// <summary>OpenAI wire shapes (snake_case) for /v1/chat/completions and /v1/models.</summary>
public static class OpenAiShapes
{
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <param name="ArchonLabel">"SIMULATED ..." when the architecture uses the simulator (extra field; SDKs ignore it).</param>
    public sealed record ChatCompletion(string Id, string Object, long Created, string Model, IReadOnlyList<Choice> Choices, Usage Usage, string SystemFingerprint, string? ArchonLabel = null);

    public sealed record Choice(int Index, Message Message, string FinishReason);

    public sealed record Message(string Role, string Content);

    public sealed record Usage(long PromptTokens, long CompletionTokens, long TotalTokens);

    public sealed record ModelList(string Object, IReadOnlyList<Model> Data);

    public sealed record Model(string Id, string Object, long Created, string OwnedBy);

    /// <summary>One server-sent event of a streamed completion (<c>chat.completion.chunk</c>).</summary>
    public sealed record Chunk(string Id, string Object, long Created, string Model, IReadOnlyList<ChunkChoice> Choices, Usage? Usage, string SystemFingerprint);

    /// <summary><see cref="FinishReason"/> is written even when null: OpenAI clients expect the key.</summary>
    public sealed record ChunkChoice(int Index, Delta Delta, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? FinishReason);

    public sealed record Delta(string? Role = null, string? Content = null);
}
