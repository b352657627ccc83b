using System.Text.Json;
using Archon.Core.Architecture;

// RS0030 (no I/O in orchestration folders): Packs are read once at host start-up (or by the CLI); components only render an already-loaded pack.
#pragma warning disable RS0030

namespace Archon.Core.Prompts;

/// <summary>
/// Reads and validates prompt packs: JSON objects with <c>format</c> ("archon-prompt-pack/1"), <c>name</c>,
/// <c>version</c>, optional <c>description</c> and <c>stages</c> (stage name → text). A pack must define every stage of
/// <see cref="PromptStages.All"/>, no unknown stage, every required placeholder of each stage and no placeholder the
/// stage cannot fill. All problems are reported at once, each naming the file and the stage.
/// </summary>
public static class PromptPackLoader
{
    public const string Format = "archon-prompt-pack/1";
    internal const string ResourceName = "Archon.Core.default-prompts.json";

    public static PromptPack Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new PromptPackException($"{path}: prompt pack file not found");
        }

        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>The JSON text of the embedded default pack (what <c>archon prompts --export</c> writes).</summary>
    public static string DefaultJson()
    {
        using var stream = typeof(PromptPackLoader).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing from the build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    internal static PromptPack LoadDefault() => Parse(DefaultJson(), "default prompt pack (embedded)");

    public static PromptPack Parse(string json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new PromptPackException($"{source}: not valid JSON (line {(ex.LineNumber ?? 0) + 1}): {ex.Message.Split(" LineNumber:")[0]}");
        }

        using (document)
        {
            var problems = new List<string>();
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new PromptPackException($"{source}: a prompt pack is a JSON object with format, name, version and stages");
            }

            var format = Str(root, "format");
            if (format != Format)
            {
                problems.Add($"\"format\" must be \"{Format}\" (got {(format is null ? "nothing" : $"\"{format}\"")})");
            }

            var name = Str(root, "name");
            var version = Str(root, "version");
            if (string.IsNullOrWhiteSpace(name)) { problems.Add("\"name\" is missing or empty"); }
            if (string.IsNullOrWhiteSpace(version)) { problems.Add("\"version\" is missing or empty: bump it whenever a text changes, caches and reports record it"); }
            foreach (var p in root.EnumerateObject())
            {
                if (p.Name is not ("format" or "name" or "version" or "description" or "stages"))
                {
                    problems.Add($"unknown top-level key \"{p.Name}\"");
                }
            }

            var templates = ReadStages(root, problems);
            if (problems.Count > 0)
            {
                throw new PromptPackException($"{source}: invalid prompt pack:\n  - " + string.Join("\n  - ", problems));
            }

            return new PromptPack(name!, version!, Str(root, "description"), templates);
        }
    }

    private static Dictionary<string, PromptTemplate> ReadStages(JsonElement root, List<string> problems)
    {
        var templates = new Dictionary<string, PromptTemplate>(StringComparer.Ordinal);
        if (!root.TryGetProperty("stages", out var stages) || stages.ValueKind != JsonValueKind.Object)
        {
            problems.Add("\"stages\" must be an object of stage name → text");
            return templates;
        }

        foreach (var p in stages.EnumerateObject())
        {
            if (!PromptStages.TryGet(p.Name, out var stage))
            {
                var near = Suggest.Nearest(p.Name, PromptStages.All.Select(s => s.Name));
                problems.Add($"stage \"{p.Name}\": unknown stage{(near is null ? "" : $" (did you mean \"{near}\"?)")}");
                continue;
            }

            if (p.Value.ValueKind != JsonValueKind.String)
            {
                problems.Add($"stage \"{p.Name}\": the text must be a string");
                continue;
            }

            var template = PromptTemplate.TryParse(p.Value.GetString()!, out var error);
            if (template is null)
            {
                problems.Add($"stage \"{p.Name}\": {error}");
                continue;
            }

            foreach (var missing in stage.Required.Where(r => !template.Placeholders.Contains(r)))
            {
                problems.Add($"stage \"{p.Name}\": missing placeholder {{{missing}}} ({stage.Purpose})");
            }

            foreach (var unknown in template.Placeholders.Where(x => !stage.Allows(x)))
            {
                var allowed = stage.Required.Concat(stage.Optional).Select(x => "{" + x + "}").ToList();
                problems.Add($"stage \"{p.Name}\": unknown placeholder {{{unknown}}} (this stage fills {(allowed.Count == 0 ? "none" : string.Join(", ", allowed))})");
            }

            templates[p.Name] = template;
        }

        foreach (var stage in PromptStages.All.Where(s => !stages.TryGetProperty(s.Name, out _)))
        {
            problems.Add($"stage \"{stage.Name}\" is missing ({stage.Purpose})");
        }

        return templates;
    }

    private static string? Str(JsonElement root, string key) =>
        root.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
