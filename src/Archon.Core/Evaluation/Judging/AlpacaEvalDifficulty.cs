using System.Globalization;
using Archon.Core.Evaluation.Datasets;

namespace Archon.Core.Evaluation.Judging;

/// <summary>
/// alpaca_eval's per-instruction difficulty table (<c>instruction_difficulty.csv</c> from the tatsu-lab/alpaca_eval
/// Hugging Face dataset: a header, then <c>index,difficulty</c> rows for the 805 instructions in eval-set order). It is
/// optional: without it the length-controlled win rate cannot be computed and the raw win rate is reported, named so.
/// </summary>
public static class AlpacaEvalDifficulty
{
    public static IReadOnlyDictionary<int, double>? TryLoad(DatasetDirectory dir)
    {
        var path = Path.Combine(dir.Root, DatasetFiles.AlpacaEvalInstructionDifficulty.RelativePath);
        return File.Exists(path) ? Load(path) : null;
    }

    public static IReadOnlyDictionary<int, double> Load(string path)
    {
        var table = new Dictionary<int, double>();
        var lines = File.ReadAllLines(path);
        for (var i = 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i])) { continue; }
            var cells = lines[i].Split(',');
            if (cells.Length < 2 || !int.TryParse(cells[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var index))
            {
                throw new DatasetNotFoundException($"{path}:{i + 1}: expected 'index,instruction_difficulty' with an integer index.");
            }

            if (!double.TryParse(cells[^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
            {
                throw new DatasetNotFoundException($"{path}:{i + 1}: field 'instruction_difficulty' is not a number ('{cells[^1]}').");
            }

            table[index] = d;
        }

        return table.Count > 0 ? table : throw new DatasetNotFoundException($"{path}: no rows after the header.");
    }
}
