namespace Archon.Core.Evaluation.Datasets;

/// <summary>MATH-500 (PRM800K test split): problem, worked solution with <c>\boxed{}</c>, and the short answer.</summary>
public static class Math500Loader
{
    public const string Name = "math500";

    public static IReadOnlyList<BenchmarkItem> Load(DatasetDirectory dir)
    {
        var path = dir.Require(DatasetFiles.Math500);
        var items = new List<BenchmarkItem>();
        foreach (var (line, e) in JsonLines.Read(path))
        {
            var level = e.TryGetProperty("level", out var lv) ? lv.ToString() : "";
            items.Add(new BenchmarkItem
            {
                Id = e.RequireString("unique_id", path, line),
                Benchmark = Name,
                Family = "math",
                Turns = [e.RequireString("problem", path, line)],
                Reference = e.RequireString("answer", path, line),
                Metadata = new Dictionary<string, string>
                {
                    [MetadataKeys.Solution] = e.RequireString("solution", path, line),
                    [MetadataKeys.Subject] = e.OptionalString("subject") ?? "",
                    [MetadataKeys.Level] = level,
                },
            });
        }

        return items;
    }
}
