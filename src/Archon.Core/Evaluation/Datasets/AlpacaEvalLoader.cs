using System.Text.Json;

namespace Archon.Core.Evaluation.Datasets;

/// <summary>AlpacaEval 2.0: 805 instructions with the gpt4_1106_preview reference outputs as baseline.</summary>
public static class AlpacaEvalLoader
{
    public const string Name = "alpaca_eval";

    public static IReadOnlyList<BenchmarkItem> Load(DatasetDirectory dir)
    {
        var path = dir.Require(DatasetFiles.AlpacaEvalReference);
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        if (doc.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new DatasetNotFoundException($"{path}: expected a JSON list of {{instruction, output, generator, dataset}}.");
        }

        var items = new List<BenchmarkItem>();
        foreach (var e in doc.RootElement.EnumerateArray())
        {
            var index = items.Count + 1;
            items.Add(new BenchmarkItem
            {
                Id = $"alpaca_eval/{index - 1:D3}",
                Benchmark = Name,
                Family = "chat",
                Turns = [e.RequireString("instruction", path, index)],
                Reference = e.RequireString("output", path, index),
                Metadata = new Dictionary<string, string>
                {
                    [MetadataKeys.BaselineModel] = e.OptionalString("generator") ?? "gpt4_1106_preview",
                    [MetadataKeys.Source] = e.OptionalString("dataset") ?? "",
                },
            });
        }

        return items;
    }
}
