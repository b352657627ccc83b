using System.Text.Json;
using Archon.Core.Components;

namespace Archon.Core.Architecture;

/// <summary>
/// Reads architecture files in the reference Archon JSON format (and its deprecated layer forms) and writes our
/// canonical form. Loading never throws for bad input: syntax errors, wrong field types and rule violations come back
/// as diagnostics naming the file, line/position or layer/component, and rule.
/// </summary>
public static class ArchitectureLoader
{
    private static readonly ComponentRegistry DefaultRegistry = ComponentRegistry.CreateDefault();

    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow };

    /// <summary>Loads and validates a file. A missing file is an error diagnostic, not an exception.</summary>
    public static ArchitectureLoadResult Load(string path) => Load(path, DefaultRegistry);

    /// <summary>Loads and validates a file against the component types (keys, rules) of <paramref name="registry"/>.</summary>
    public static ArchitectureLoadResult Load(string path, ComponentRegistry registry)
    {
        if (!File.Exists(path))
        {
            return new ArchitectureLoadResult(null, [new ArchitectureDiagnostic(ValidationRules.FileNotFound, "file not found", path)], []);
        }

        return Parse(File.ReadAllText(path), path, registry);
    }

    /// <summary>Loads from text; <paramref name="sourceName"/> names the input in every diagnostic.</summary>
    public static ArchitectureLoadResult Parse(string json, string sourceName) =>
        Parse(json, sourceName, DefaultRegistry);

    /// <summary>Loads from text, accepting the given component types by name (no custom keys or rules).</summary>
    public static ArchitectureLoadResult Parse(string json, string sourceName, IReadOnlySet<string> knownTypes) =>
        Parse(json, sourceName, ComponentRegistry.ForTypes(knownTypes));

    /// <summary>Loads from text, accepting the registry's component types with their keys and validation rules.</summary>
    public static ArchitectureLoadResult Parse(string json, string sourceName, ComponentRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException ex)
        {
            // JsonException counts lines and byte positions from zero; editors count from one.
            var line = (ex.LineNumber ?? 0) + 1;
            var position = (ex.BytePositionInLine ?? 0) + 1;
            return new ArchitectureLoadResult(null,
                [new ArchitectureDiagnostic(ValidationRules.JsonSyntax, $"not valid JSON: {FirstSentence(ex.Message)}", sourceName, Line: line, Position: position)],
                []);
        }

        using (document)
        {
            var reader = new ArchitectureReader(sourceName, registry);
            var architecture = reader.Read(document.RootElement);
            var errors = new List<ArchitectureDiagnostic>(reader.Errors);
            var warnings = new List<ArchitectureDiagnostic>(reader.Warnings);
            if (architecture is not null && errors.Count == 0)
            {
                foreach (var d in ArchitectureValidator.Check(architecture, registry))
                {
                    (d.Severity == DiagnosticSeverity.Error ? errors : warnings).Add(d with { Source = sourceName });
                }
            }

            return new ArchitectureLoadResult(errors.Count == 0 ? architecture : null, errors, warnings);
        }
    }

    /// <summary>Writes the canonical JSON form; loading it again yields an equal architecture.</summary>
    public static string ToJson(ArchitectureConfig architecture) => ArchitectureWriter.Write(architecture);

    /// <summary>Writes <see cref="ToJson"/> to a file.</summary>
    public static void Save(ArchitectureConfig architecture, string path) => File.WriteAllText(path, ToJson(architecture));

    private static string FirstSentence(string message)
    {
        // System.Text.Json appends zero-based "LineNumber: ... | BytePositionInLine: ..." and a path; we report one-based positions ourselves.
        foreach (var marker in new[] { " LineNumber:", " Path:" })
        {
            var cut = message.IndexOf(marker, StringComparison.Ordinal);
            if (cut > 0)
            {
                message = message[..cut];
            }
        }

        return message.Trim();
    }
}
