using System.Diagnostics;
using Archon.Core.Evaluation.Datasets;
using Archon.Core.Evaluation.Sandbox;
using Archon.Core.Evaluation.Scoring;

namespace Archon.Core.Evaluation;

/// <summary>
/// Scores every item's own reference through the production scorer: GSM8K worked answers (final number after ####),
/// MATH-500 solutions (last \boxed{} vs the answer field), HumanEval/MBPP/built-in canonical solutions in the sandbox,
/// MixEval / MixEval-Hard gold answers (free-form: the first acceptable answer as the response; multiple-choice: the
/// right option as "B. its text") with the rule parser or, given a judge, the model parser, and CodeContests' Python 3
/// solutions on the private tests.
/// A scorer that disagrees with the dataset's own references cannot be trusted on model output.
/// </summary>
public static class ReferenceChecker
{
    public static readonly IReadOnlyList<string> Supported = [Gsm8kLoader.Name, Math500Loader.Name, HumanEvalLoader.Name, MbppLoader.Name, BuiltinBenchmark.Name,
        MixEval.MixEvalLoader.Name, MixEval.MixEvalLoader.HardName, CodeContests.CodeContestsLoader.Name];

    /// <param name="parser">MixEval only: rule (default) or model (then <paramref name="judge"/> is the model parser).</param>
    public static async Task<ReferenceCheckResult> CheckAsync(string benchmark, DatasetDirectory? datasets, int seed = 0,
        ICodeSandbox? sandbox = null, string? parser = null, Microsoft.Extensions.AI.IChatClient? judge = null, CancellationToken cancellationToken = default)
    {
        if (!Supported.Contains(benchmark, StringComparer.OrdinalIgnoreCase))
        {
            // An unknown name gets the registry's "unknown benchmark" line, not the judge-scored explanation.
            _ = BenchmarkRegistry.Resolve(benchmark);
            throw new ArgumentException($"check-references supports {string.Join(", ", Supported)}; '{benchmark}' is judge-scored and has no reference answers to check.");
        }

        var definition = BenchmarkRegistry.Resolve(benchmark);
        if (definition.NeedsDatasets && datasets is null)
        {
            throw new DatasetNotFoundException($"{benchmark} needs a dataset directory: pass --dataset-dir or set {DatasetDirectory.EnvironmentVariable}.");
        }

        var items = definition.Load(datasets, seed).Where(i => i.Reference is not null).ToList();
        var scorer = definition.CreateScorer(new BenchmarkScorerContext(datasets, judge, seed, sandbox) { Parser = parser });
        var watch = Stopwatch.StartNew();
        var scores = await Task.WhenAll(items.Select(async item =>
        {
            var reference = ReferenceAnswer(item);
            var score = await scorer.ScoreAsync(item, reference, cancellationToken);
            return (item, score);
        }));
        var failures = scores.Where(s => !s.score.Correct)
            .Select(s => $"{s.item.Id}: extracted '{s.score.Extracted}' vs reference '{Short(s.item.Reference)}' ({s.score.Detail})").ToList();
        return new ReferenceCheckResult(benchmark, items.Count - failures.Count, items.Count, failures, watch.Elapsed.TotalSeconds);
    }

    /// <summary>The text a perfect model would answer: worked solution (math) or canonical code in a fence.</summary>
    public static string ReferenceAnswer(BenchmarkItem item) => item.Family switch
    {
        "code" or "builtin-code" => "```python\n" + (item.Metadata.TryGetValue(MetadataKeys.CodePrompt, out var p) ? p + item.Reference : item.Reference) + "\n```",
        "code_contests" => "```python\n" + item.Reference + "\n```",
        "mixeval" when item.Metadata.GetValueOrDefault(MetadataKeys.ProblemType) == MixEval.MixEvalLoader.MultipleChoice =>
            $"{item.Reference}. {System.Text.Json.JsonSerializer.Deserialize<List<string>>(item.Metadata[MetadataKeys.Options])![item.Reference![0] - 'A']}",
        "mixeval" => item.Reference!,
        _ => item.Metadata.TryGetValue(MetadataKeys.Solution, out var solution) ? solution : $"The answer is {item.Reference}.",
    };

    private static string Short(string? s) => s is null ? "" : s.Length > 60 ? s[..60] + "…" : s;
}
