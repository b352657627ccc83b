namespace Archon.Core.Evaluation.Datasets;

/// <summary>GSM8K test set (openai/grade-school-math format): the gold number follows <c>####</c>.</summary>
public static class Gsm8kLoader
{
    public const string Name = "gsm8k";

    public static IReadOnlyList<BenchmarkItem> Load(DatasetDirectory dir)
    {
        var path = dir.Require(DatasetFiles.Gsm8k);
        var items = new List<BenchmarkItem>();
        foreach (var (line, e) in JsonLines.Read(path))
        {
            var question = e.RequireString("question", path, line);
            var answer = e.RequireString("answer", path, line);
            var hash = answer.LastIndexOf("####", StringComparison.Ordinal);
            if (hash < 0)
            {
                throw new DatasetNotFoundException($"{path}:{line}: field 'answer' has no '#### <number>' line.");
            }

            items.Add(new BenchmarkItem
            {
                Id = $"gsm8k/{items.Count:D4}",
                Benchmark = Name,
                Family = "math",
                Turns = [question],
                Reference = answer[(hash + 4)..].Trim().Replace(",", "", StringComparison.Ordinal),
                Metadata = new Dictionary<string, string> { [MetadataKeys.Solution] = answer },
            });
        }

        return items;
    }
}
