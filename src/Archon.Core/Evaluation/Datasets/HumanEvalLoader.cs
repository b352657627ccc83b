namespace Archon.Core.Evaluation.Datasets;

/// <summary>HumanEval (openai/human-eval <c>HumanEval.jsonl.gz</c>): prompt, canonical solution, check() tests.</summary>
public static class HumanEvalLoader
{
    public const string Name = "humaneval";

    public static IReadOnlyList<BenchmarkItem> Load(DatasetDirectory dir)
    {
        var path = dir.Require(DatasetFiles.HumanEval);
        var items = new List<BenchmarkItem>();
        foreach (var (line, e) in JsonLines.Read(path))
        {
            var prompt = e.RequireString("prompt", path, line);
            items.Add(new BenchmarkItem
            {
                Id = e.RequireString("task_id", path, line),
                Benchmark = Name,
                Family = "code",
                Turns = [CodePromptText.ForFunction(prompt)],
                Reference = e.RequireString("canonical_solution", path, line),
                Metadata = new Dictionary<string, string>
                {
                    [MetadataKeys.CodePrompt] = prompt,
                    [MetadataKeys.Tests] = e.RequireString("test", path, line),
                    [MetadataKeys.EntryPoint] = e.RequireString("entry_point", path, line),
                },
            });
        }

        return items;
    }
}
