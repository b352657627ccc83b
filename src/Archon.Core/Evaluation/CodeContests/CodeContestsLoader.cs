using System.Globalization;
using System.Text.Json;
using Archon.Core.Evaluation.Datasets;

namespace Archon.Core.Evaluation.CodeContests;

/// <summary>
/// CodeContests (DeepMind, the AlphaCode set) from a JSON Lines export of the upstream records: <c>name</c>,
/// <c>description</c>, <c>public_tests</c> / <c>private_tests</c> / <c>generated_tests</c> (each <c>{input: [...],
/// output: [...]}</c>), <c>time_limit</c> (<c>{seconds, nanos}</c>, a number of seconds, or null), <c>memory_limit_bytes</c>
/// and <c>solutions</c> (<c>{language: [ids], solution: [...]}</c>, language 3 = Python 3). Items are scored on the
/// private tests (as the Archon reference does; generated tests have known false negatives); the reference answer is
/// the first Python 3 solution, when the record has one.
/// </summary>
public static class CodeContestsLoader
{
    public const string Name = "code_contests";
    public const int Python3 = 3;
    public const double DefaultTimeLimitSeconds = 2.0;

    public static IReadOnlyList<BenchmarkItem> Load(DatasetDirectory dir) => LoadFile(dir.Require(DatasetFiles.CodeContests));

    public static IReadOnlyList<BenchmarkItem> LoadFile(string path)
    {
        var items = new List<BenchmarkItem>();
        foreach (var (line, e) in JsonLines.Read(path))
        {
            string Where(string field) => $"{path}:{line}: item '{e.OptionalString("name") ?? "?"}': field '{field}'";
            var name = e.RequireString("name", path, line);
            var description = e.RequireString("description", path, line);
            var tests = Tests(e, "private_tests", Where);
            var metadata = new Dictionary<string, string>
            {
                [MetadataKeys.Tests] = JsonSerializer.Serialize(tests),
                [MetadataKeys.TimeLimitSeconds] = TimeLimit(e, Where).ToString("R", CultureInfo.InvariantCulture),
                [MetadataKeys.Source] = e.OptionalString("source") ?? "",
            };
            if (e.TryGetProperty("memory_limit_bytes", out var mem) && mem.ValueKind == JsonValueKind.Number && mem.TryGetInt64(out var bytes) && bytes > 0)
            {
                metadata[MetadataKeys.MemoryLimitBytes] = bytes.ToString(CultureInfo.InvariantCulture);
            }

            items.Add(new BenchmarkItem
            {
                Id = $"{Name}/{name}",
                Benchmark = Name,
                Family = Name,
                Turns = [CodeContestsPrompt.Build(description)],
                Reference = FirstPython3(e, Where),
                Metadata = metadata,
            });
        }

        return items;
    }

    public static IReadOnlyList<CodeContestsTest> TestsOf(BenchmarkItem item) =>
        JsonSerializer.Deserialize<List<CodeContestsTest>>(item.Metadata[MetadataKeys.Tests]) ?? [];

    private static List<CodeContestsTest> Tests(JsonElement e, string field, Func<string, string> where)
    {
        if (!e.TryGetProperty(field, out var t) || t.ValueKind != JsonValueKind.Object)
        {
            throw new DatasetNotFoundException(where(field) + " missing or not an object {input: [...], output: [...]}.");
        }

        var inputs = Strings(t, "input", field, where);
        var outputs = Strings(t, "output", field, where);
        if (inputs.Count != outputs.Count)
        {
            throw new DatasetNotFoundException($"{where(field)}: {inputs.Count} inputs but {outputs.Count} outputs.");
        }

        return inputs.Zip(outputs, (i, o) => new CodeContestsTest(i, o)).ToList();
    }

    private static List<string> Strings(JsonElement e, string field, string parent, Func<string, string> where) =>
        e.TryGetProperty(field, out var a) && a.ValueKind == JsonValueKind.Array
            ? a.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.String ? x.GetString()! : throw new DatasetNotFoundException(where($"{parent}.{field}") + " must hold strings.")).ToList()
            : throw new DatasetNotFoundException(where($"{parent}.{field}") + " missing or not a list.");

    private static double TimeLimit(JsonElement e, Func<string, string> where)
    {
        if (!e.TryGetProperty("time_limit", out var t) || t.ValueKind == JsonValueKind.Null) { return DefaultTimeLimitSeconds; }
        var seconds = t.ValueKind switch
        {
            JsonValueKind.Number => t.GetDouble(),
            JsonValueKind.Object => (t.TryGetProperty("seconds", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetDouble() : 0)
                + (t.TryGetProperty("nanos", out var n) && n.ValueKind == JsonValueKind.Number ? n.GetDouble() / 1e9 : 0),
            _ => throw new DatasetNotFoundException(where("time_limit") + " must be {seconds, nanos}, a number of seconds or null."),
        };
        return seconds > 0 ? seconds : DefaultTimeLimitSeconds;
    }

    private static string? FirstPython3(JsonElement e, Func<string, string> where)
    {
        if (!e.TryGetProperty("solutions", out var s) || s.ValueKind != JsonValueKind.Object) { return null; }
        if (!s.TryGetProperty("language", out var lang) || lang.ValueKind != JsonValueKind.Array
            || !s.TryGetProperty("solution", out var code) || code.ValueKind != JsonValueKind.Array || lang.GetArrayLength() != code.GetArrayLength())
        {
            throw new DatasetNotFoundException(where("solutions") + " must be {language: [ids], solution: [strings]} of equal length.");
        }

        for (var i = 0; i < lang.GetArrayLength(); i++)
        {
            if (lang[i].ValueKind == JsonValueKind.Number && lang[i].GetInt32() == Python3 && code[i].ValueKind == JsonValueKind.String)
            {
                return code[i].GetString();
            }
        }

        return null;
    }
}
