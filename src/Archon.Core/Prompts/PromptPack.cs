using System.Globalization;

namespace Archon.Core.Prompts;

/// <summary>
/// A validated, versioned set of every instruction text the components send (see <see cref="PromptStages"/>).
/// <see cref="Id"/> ("name@version") goes into every cache key and report, so results made with different texts
/// never mix. Load one with <see cref="PromptPackLoader"/>; <see cref="Default"/> is the pack embedded in the build.
/// </summary>
public sealed class PromptPack
{
    private static readonly Dictionary<string, string> NoValues = new(StringComparer.Ordinal);
    private readonly IReadOnlyDictionary<string, PromptTemplate> templates;

    internal PromptPack(string name, string version, string? description, IReadOnlyDictionary<string, PromptTemplate> templates)
    {
        Name = name;
        Version = version;
        Description = description;
        this.templates = templates;
    }

    /// <summary>The pack shipped with Archon for .NET (embedded resource <c>default-prompts.json</c>).</summary>
    public static PromptPack Default { get; } = PromptPackLoader.LoadDefault();

    public string Name { get; }

    public string Version { get; }

    public string? Description { get; }

    /// <summary>"name@version": the identity recorded in cache keys, traces and reports.</summary>
    public string Id => $"{Name}@{Version}";

    public IReadOnlyDictionary<string, PromptTemplate> Templates => templates;

    /// <summary>The literal text of a stage without placeholders (system messages).</summary>
    public string Text(string stage) => Render(stage);

    /// <summary>Renders a stage; values are given as name/value pairs, numbers formatted invariantly.</summary>
    public string Render(string stage, params (string Name, object Value)[] values)
    {
        if (!templates.TryGetValue(stage, out var template))
        {
            throw new InvalidOperationException($"prompt pack {Id} has no stage \"{stage}\"");
        }

        if (values.Length == 0)
        {
            return template.Render(NoValues);
        }

        var map = new Dictionary<string, string>(values.Length, StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            map[name] = value as string ?? Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
        }

        return template.Render(map);
    }
}
