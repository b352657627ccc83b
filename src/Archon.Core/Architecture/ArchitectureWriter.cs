using System.Text;
using System.Text.Json;

namespace Archon.Core.Architecture;

/// <summary>Writes the canonical form: layers as arrays, core fields always, optional fields only when set, extras verbatim.</summary>
internal static class ArchitectureWriter
{
    public static string Write(ArchitectureConfig architecture)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("name", architecture.Name);
            if (architecture.Custom)
            {
                w.WriteBoolean("custom", true);
            }

            w.WriteStartArray("layers");
            foreach (var layer in architecture.Layers)
            {
                w.WriteStartArray();
                foreach (var c in layer.Components)
                {
                    WriteComponent(w, c);
                }

                w.WriteEndArray();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteComponent(Utf8JsonWriter w, ComponentConfig c)
    {
        w.WriteStartObject();
        if (c.Id is not null)
        {
            w.WriteString(ComponentKeys.Id, c.Id);
        }

        w.WriteString(ComponentKeys.Type, c.Type);
        w.WriteString(ComponentKeys.Model, c.Model);
        w.WriteString(ComponentKeys.ModelType, c.ModelType);
        w.WriteNumber(ComponentKeys.Temperature, c.Temperature);
        w.WriteNumber(ComponentKeys.MaxTokens, c.MaxTokens);
        w.WriteNumber(ComponentKeys.Samples, c.Samples);
        WriteOptional(w, ComponentKeys.TopK, c.TopK);
        WriteOptional(w, ComponentKeys.FirstK, c.FirstK);
        WriteOptional(w, ComponentKeys.UnitTestCap, c.UnitTestCap);
        WriteFlag(w, ComponentKeys.FirstPass, c.FirstPass);
        WriteFlag(w, ComponentKeys.LengthControl, c.LengthControl);
        WriteFlag(w, ComponentKeys.UseCritiques, c.UseCritiques);
        WriteFlag(w, ComponentKeys.RemoveUnitTestsFromPrompt, c.RemoveUnitTestsFromPrompt);
        WriteFlag(w, ComponentKeys.NoSystem, c.NoSystem);
        foreach (var (key, value) in c.Extra.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            w.WritePropertyName(key);
            value.WriteTo(w);
        }

        w.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter w, string key, int? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(key, v);
        }
    }

    private static void WriteFlag(Utf8JsonWriter w, string key, bool value)
    {
        if (value)
        {
            w.WriteBoolean(key, true);
        }
    }
}
