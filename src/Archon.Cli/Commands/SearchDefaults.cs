using Archon.Core.Search;

namespace Archon.Cli.Commands;

/// <summary>The main job's spec when samples/search/default.json is not in the working directory (same values).</summary>
public static class SearchDefaults
{
    public static SearchSpec MainJob { get; } = new()
    {
        Name = "default",
        Catalog = "sim",
        Benchmark = "builtin",
        DevItems = 20,
        TestItems = 40,
        Algorithm = "bo",
        MaxEvaluations = 32,
        MinEvaluations = 20,
        BatchSize = 4,
        InitialPoints = 8,
        TopN = 3,
        ItemParallelism = 10,
        Space = new SearchSpaceSpec { Generators = [1, 2, 3, 4, 5, 6, 7, 8], Samples = [1, 2, 3], FusionLayers = [1, 2, 3], FusionWidths = [4, 3, 2] },
        Budget = new QueryBudgetSpec { MaxCalls = 40, MaxDollars = 0.05 },
    };
}
