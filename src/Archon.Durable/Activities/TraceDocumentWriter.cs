using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Archon.Core.Execution;
using Archon.Core.Storage;
using Archon.Durable.Contracts;

namespace Archon.Durable.Activities;

/// <summary>
/// Serializes a <see cref="SaveTraceRequest"/> whose trace entries are already JSON (<see cref="StoredCallsRaw"/>): every
/// other property goes through the serializer with <see cref="StoreJson.Options"/> (same names, order and null handling
/// as the contract's own metadata), and the entries are copied in as they are. The output is the same bytes as
/// serializing the document with the entries as objects.
/// </summary>
internal static class TraceDocumentWriter
{
    private static readonly JsonTypeInfo Contract = ContractInfo();

    // The shared options get their resolver on first use; asking for metadata before any document was serialized
    // (a fresh process whose first blob is a trace) needs it set explicitly. Idempotent once read-only.
    private static JsonTypeInfo ContractInfo()
    {
        StoreJson.Options.MakeReadOnly(populateMissingResolver: true);
        return StoreJson.Options.GetTypeInfo(typeof(SaveTraceRequest));
    }

    public static byte[] Write(SaveTraceRequest document, IReadOnlyList<ReadOnlyMemory<byte>> entries)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(entries);
        var buffer = new ArrayBufferWriter<byte>(entries.Sum(e => e.Length + 1) + 4096);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = StoreJson.Options.Encoder, SkipValidation = false }))
        {
            writer.WriteStartObject();
            foreach (var property in Contract.Properties)
            {
                var value = property.Get?.Invoke(document);
                if (property.PropertyType == typeof(IReadOnlyList<TraceEntry>))
                {
                    writer.WritePropertyName(property.Name);
                    writer.WriteStartArray();
                    foreach (var entry in entries)
                    {
                        writer.WriteRawValue(entry.Span, skipInputValidation: true);
                    }

                    writer.WriteEndArray();
                }
                else if (value is not null)
                {
                    writer.WritePropertyName(property.Name);
                    JsonSerializer.Serialize(writer, value, property.PropertyType, StoreJson.Options);
                }
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
