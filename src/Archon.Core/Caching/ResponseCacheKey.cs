using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Archon.Core.Providers;

namespace Archon.Core.Caching;

/// <summary>
/// The content address of a model call: SHA-256 over provider, model, messages (role and text), temperature,
/// max tokens, sample index and prompt pack id. The sample index keeps n independent samples of one prompt distinct;
/// the pack id keeps answers to different instruction texts (or pack versions) apart even where a text did not change.
/// </summary>
public static class ResponseCacheKey
{
    public static string Compute(string provider, string? model, IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        var sample = options?.AdditionalProperties is { } props && props.TryGetValue(CallMetadata.SampleIndex, out var s) ? Convert.ToString(s, CultureInfo.InvariantCulture) : "0";
        var pack = options?.AdditionalProperties is { } p && p.TryGetValue(CallMetadata.PromptPack, out var v) ? Convert.ToString(v, CultureInfo.InvariantCulture) : null;
        return Compute(provider, model ?? options?.ModelId ?? "", messages.Select(m => (m.Role.Value, m.Text)), options?.Temperature, options?.MaxOutputTokens, sample ?? "0", pack);
    }

    public static string Compute(string provider, string model, IEnumerable<(string Role, string Text)> messages, double? temperature, int? maxTokens, string sampleIndex,
        string? promptPack = null)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("provider", provider);
            w.WriteString("model", model);
            w.WriteStartArray("messages");
            foreach (var (role, text) in messages)
            {
                w.WriteStartArray();
                w.WriteStringValue(role);
                w.WriteStringValue(text);
                w.WriteEndArray();
            }

            w.WriteEndArray();
            w.WriteString("temperature", temperature?.ToString("R", CultureInfo.InvariantCulture) ?? "");
            w.WriteString("max_tokens", maxTokens?.ToString(CultureInfo.InvariantCulture) ?? "");
            w.WriteString("sample", sampleIndex);
            w.WriteString("prompt_pack", promptPack ?? "");
            w.WriteEndObject();
        }

        return Convert.ToHexStringLower(SHA256.HashData(stream.ToArray()));
    }
}
