using System.Text.Json;

namespace Archon.Core.Evaluation.Datasets;

/// <summary>MBPP (google-research format). Only task ids 11–510 (the published test split) are returned.</summary>
public static class MbppLoader
{
    public const string Name = "mbpp";
    public const int TestSplitFirst = 11;
    public const int TestSplitLast = 510;

    public static IReadOnlyList<BenchmarkItem> Load(DatasetDirectory dir)
    {
        var path = dir.Require(DatasetFiles.Mbpp);
        var items = new List<BenchmarkItem>();
        foreach (var (line, e) in JsonLines.Read(path))
        {
            if (!e.TryGetProperty("task_id", out var idProp) || idProp.ValueKind != JsonValueKind.Number)
            {
                throw new DatasetNotFoundException($"{path}:{line}: field 'task_id' missing or not a number.");
            }

            var id = idProp.GetInt32();
            if (id is < TestSplitFirst or > TestSplitLast)
            {
                continue;
            }

            var tests = e.TryGetProperty("test_list", out var tl) && tl.ValueKind == JsonValueKind.Array
                ? tl.EnumerateArray().Select(t => t.GetString() ?? "").ToList()
                : throw new DatasetNotFoundException($"{path}:{line}: field 'test_list' missing or not a list.");
            var text = e.RequireString("text", path, line);
            items.Add(new BenchmarkItem
            {
                Id = $"mbpp/{id}",
                Benchmark = Name,
                Family = "code",
                Turns = [CodePromptText.ForMbpp(text, tests)],
                Reference = e.RequireString("code", path, line),
                Metadata = new Dictionary<string, string>
                {
                    [MetadataKeys.Tests] = string.Join("\n", tests),
                    [MetadataKeys.TestSetup] = e.OptionalString("test_setup_code") ?? "",
                    [MetadataKeys.EntryPoint] = EntryPointFromTest(tests.FirstOrDefault() ?? ""),
                },
            });
        }

        return items;
    }

    /// <summary>The function name the first assert calls (used to match a candidate's definition).</summary>
    private static string EntryPointFromTest(string assertLine)
    {
        var m = System.Text.RegularExpressions.Regex.Match(assertLine, @"assert\s+(?:not\s+)?\(?\s*(?:math\.isclose\(|set\()?\s*([A-Za-z_]\w*)\s*\(");
        return m.Success ? m.Groups[1].Value : "";
    }
}
