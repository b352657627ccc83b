using Archon.Core.Evaluation;
using Archon.Core.Evaluation.Datasets;
using Archon.Core.Evaluation.Sandbox;

namespace Archon.Core.Tests.Evaluation.Sandbox;

/// <summary>One local sandbox per test run (probing bubblewrap once), with short limits so hostile programs end fast.</summary>
public static class SandboxFixture
{
    public static BubblewrapSandbox Local { get; } = new(new SandboxOptions { CpuSeconds = 2, WallTimeout = TimeSpan.FromSeconds(8) });

    public static DatasetDirectory Datasets { get; } = new(TestPaths.DatasetsDir);

    public static BenchmarkItem HumanEval0 => HumanEvalLoader.Load(Datasets).Single(i => i.Id == "HumanEval/0");
}
