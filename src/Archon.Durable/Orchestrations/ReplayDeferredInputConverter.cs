using System.Text.Json;
using System.Text.Json.Serialization;

namespace Archon.Durable.Orchestrations;

/// <summary>
/// Writes a <see cref="ReplayDeferredInput"/> as the JSON of its value, or <c>null</c> while the orchestration replays.
/// Write-only: activities declare the built type as their input, never the wrapper.
/// </summary>
public sealed class ReplayDeferredInputConverter : JsonConverter<ReplayDeferredInput>
{
    public override ReplayDeferredInput Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("a deferred activity input is written into history, never read back as itself");

    public override void Write(Utf8JsonWriter writer, ReplayDeferredInput value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        if (value.Replaying)
        {
            writer.WriteNullValue();
            return;
        }

        var built = value.Value;
        JsonSerializer.Serialize(writer, built, built.GetType(), options);
    }
}
