namespace Archon.Core.Evaluation.Datasets;

/// <summary>
/// The built-in benchmark, generated from a seed so the product runs its main job with no download:
/// multi-step arithmetic word problems with exact integer answers (family builtin-math) and small Python functions
/// with hidden tests in HumanEval format (family builtin-code). Same seed and counts → identical items.
/// </summary>
public static class BuiltinBenchmark
{
    public const string Name = "builtin";
    public const int DefaultMathCount = 60;
    public const int DefaultCodeCount = 40;

    public static IReadOnlyList<BenchmarkItem> Generate(int seed, int mathCount = DefaultMathCount, int codeCount = DefaultCodeCount)
    {
        var items = new List<BenchmarkItem>(mathCount + codeCount);
        var rng = new Random(seed);
        for (var i = 0; i < mathCount; i++)
        {
            var (text, answer) = BuiltinMathProblems.Create(rng, i);
            items.Add(new BenchmarkItem
            {
                Id = $"builtin-math/{i:D3}",
                Benchmark = Name,
                Family = "builtin-math",
                Turns = [text + "\nGive the final answer as a number at the end, as \"The answer is N\"."],
                Reference = answer.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
        }

        for (var i = 0; i < codeCount; i++)
        {
            var task = BuiltinCodeTasks.Create(rng, i);
            items.Add(new BenchmarkItem
            {
                Id = $"builtin-code/{i:D3}",
                Benchmark = Name,
                Family = "builtin-code",
                Turns = [CodePromptText.ForFunction(task.Prompt)],
                Reference = task.CanonicalBody,
                Metadata = new Dictionary<string, string>
                {
                    [MetadataKeys.CodePrompt] = task.Prompt,
                    [MetadataKeys.Tests] = task.Tests,
                    [MetadataKeys.EntryPoint] = task.EntryPoint,
                },
            });
        }

        return items;
    }
}
