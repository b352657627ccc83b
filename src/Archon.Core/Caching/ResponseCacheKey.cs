using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Archon.Core.Providers;

namespace Archon.Core.Caching;

/// <summary>
/// The content address of a model call: SHA-256 over provider, model, messages (role and text), temperature,
/// max tokens, sample index, prompt pack id, and the Archon role and benchmark item when given. The sample index keeps n
/// independent samples of one prompt distinct; the pack id keeps answers to different instruction texts (or pack versions)
/// apart even where a text did not change; role and item keep providers that read them (the SIMULATED fleet) exact. The
/// call id is not part of it, so "generator m, sample j, item i" is one entry for every architecture that contains it.
/// </summary>
public static class ResponseCacheKey
{
    public static string Compute(string provider, string? model, IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        var props = options?.AdditionalProperties;
        string? Meta(string key) => props is not null && props.TryGetValue(key, out var v) && v is not null ? Convert.ToString(v, CultureInfo.InvariantCulture) : null;
        return Compute(
            provider, model ?? options?.ModelId ?? "", messages.Select(m => (m.Role.Value, m.Text)), options?.Temperature, options?.MaxOutputTokens,
            Meta(CallMetadata.SampleIndex) ?? "0", Meta(CallMetadata.Role), Meta(CallMetadata.ItemId), Meta(CallMetadata.PromptPack));
    }

    public static string Compute(
        string provider, string model, IEnumerable<(string Role, string Text)> messages, double? temperature, int? maxTokens, string sampleIndex,
        string? role = null, string? itemId = null, string? promptPack = null)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("provider", provider);
            w.WriteString("model", model);
            w.WriteStartArray("messages");
            foreach (var (messageRole, text) in messages)
            {
                w.WriteStartArray();
                w.WriteStringValue(messageRole);
                w.WriteStringValue(text);
                w.WriteEndArray();
            }

            w.WriteEndArray();
            w.WriteString("temperature", temperature?.ToString("R", CultureInfo.InvariantCulture) ?? "");
            w.WriteString("max_tokens", maxTokens?.ToString(CultureInfo.InvariantCulture) ?? "");
            w.WriteString("sample", sampleIndex);
            w.WriteString("prompt_pack", promptPack ?? "");
            if (role is not null)
            {
                w.WriteString("role", role);
            }

            if (itemId is not null)
            {
                w.WriteString("item", itemId);
            }

            w.WriteEndObject();
        }

        return Convert.ToHexStringLower(SHA256.HashData(stream.ToArray()));
    }
}
