using System.Text.Json;
using Archon.Core.Evaluation;

namespace Archon.Cli.Commands;

/// <summary>Writes per-item evaluation results as JSON Lines (one object per item, then nothing else).</summary>
internal static class EvalResultsWriter
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static void Write(string path, string architecture, EvaluationResult result)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null) { Directory.CreateDirectory(dir); }
        using var writer = new StreamWriter(path);
        foreach (var r in result.Items)
        {
            writer.WriteLine(JsonSerializer.Serialize(new
            {
                ItemId = r.ItemId,
                Benchmark = result.Summary.Benchmark,
                result.Summary.Metric,
                Architecture = architecture,
                Simulated = result.Summary.Simulated,
                PromptPack = result.PromptPack,
                Score = r.Score.Value,
                r.Score.Scored,
                r.Score.Extracted,
                r.Score.Detail,
                r.Answers,
                r.Usage.Calls,
                r.Usage.InputTokens,
                r.Usage.OutputTokens,
                r.Usage.CostUsd,
                r.Usage.FailedCalls,
                r.Error,
            }, Options));
        }
    }
}
