using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Archon.Core.Providers;

namespace Archon.Core.Caching;

/// <summary>
/// The content address of a model call: SHA-256 over provider, model, messages (role and text), temperature,
/// max tokens and sample index. The sample index keeps n independent samples of one prompt distinct.
/// </summary>
public static class ResponseCacheKey
{
    public static string Compute(string provider, string? model, IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        var sample = options?.AdditionalProperties is { } props && props.TryGetValue(CallMetadata.SampleIndex, out var s) ? Convert.ToString(s, CultureInfo.InvariantCulture) : "0";
        // The n choices of one chat completion are independent samples; choice 0 keeps the keys it always had.
        if (options?.AdditionalProperties is { } extra && extra.TryGetValue(CallMetadata.Choice, out var choice) && choice is not null)
        {
            sample = $"{sample}.n{Convert.ToString(choice, CultureInfo.InvariantCulture)}";
        }

        return Compute(provider, model ?? options?.ModelId ?? "", messages.Select(m => (m.Role.Value, m.Text)), options?.Temperature, options?.MaxOutputTokens, sample ?? "0");
    }

    public static string Compute(string provider, string model, IEnumerable<(string Role, string Text)> messages, double? temperature, int? maxTokens, string sampleIndex)
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
            w.WriteEndObject();
        }

        return Convert.ToHexStringLower(SHA256.HashData(stream.ToArray()));
    }
}
