using Archon.Core.Execution;
using Archon.Core.Storage;
using Archon.Durable;
namespace Archon.TestSupport;

/// <summary>Search specs the core spec reader accepts, for tests of the endpoints and triggers that start searches.</summary>
public static class TestSpecs
{
    public static string Valid(int seed = 1) => $$$"""
        {"name": "t", "catalog": "fake", "benchmark": "fake", "dev_items": 4, "test_items": 2, "algorithm": "random", "seed": {{{seed}}},
         "max_evaluations": 4, "min_evaluations": 4, "batch_size": 2, "initial_points": 2, "top_n": 1, "item_parallelism": 2, "ranking_ensembles": 1,
         "space": {"generators": [1, 2], "samples": [1], "fusion_layers": [1], "fusion_widths": [1], "pre_fuser": ["none"], "evaluation": ["none"]}}
        """;
}
