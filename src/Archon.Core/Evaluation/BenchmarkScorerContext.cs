using Archon.Core.Evaluation.Datasets;
using Archon.Core.Evaluation.Sandbox;
using Microsoft.Extensions.AI;

namespace Archon.Core.Evaluation;

/// <summary>What a benchmark's scorer may need: the dataset folder (judge prompts), a judge client, a seed, the sandbox.</summary>
public sealed record BenchmarkScorerContext(DatasetDirectory? Datasets, IChatClient? Judge, int Seed, ICodeSandbox? Sandbox = null);
