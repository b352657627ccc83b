namespace Archon.Core.Evaluation.Datasets;

/// <summary>Keys of <see cref="BenchmarkItem.Metadata"/> shared by loaders, scorers and the simulator.</summary>
public static class MetadataKeys
{
    /// <summary>Code prompt prefix (HumanEval signature + docstring) the program is assembled from.</summary>
    public const string CodePrompt = "prompt";
    /// <summary>Test code appended after the candidate (HumanEval <c>check</c> definition, MBPP asserts).</summary>
    public const string Tests = "test";
    public const string EntryPoint = "entry_point";
    public const string TestSetup = "test_setup_code";
    /// <summary>Worked reference solution (GSM8K answer text, MATH solution).</summary>
    public const string Solution = "solution";
    public const string Category = "category";
    public const string Subject = "subject";
    public const string Level = "level";
    /// <summary>Second-turn reference answer (MT-Bench); the first-turn one is in <see cref="BenchmarkItem.Reference"/>.</summary>
    public const string ReferenceTurn2 = "reference_turn2";
    public const string BaselineModel = "baseline_model";
    /// <summary>Which judge-settings group applies (Arena-Hard v2.0 category).</summary>
    public const string JudgeGroup = "judge_group";
    public const string Subcategory = "subcategory";
    public const string Source = "source";
    /// <summary>MixEval split of the item: <c>free-form</c> or <c>multiple-choice</c> (upstream <c>problem_type</c>).</summary>
    public const string ProblemType = "problem_type";
    /// <summary>The item's own question text without context or instruction (what upstream's model parser is shown).</summary>
    public const string RawPrompt = "raw_prompt";
    /// <summary>JSON list of acceptable answers (MixEval free-form) or of the options (MixEval multiple-choice).</summary>
    public const string Targets = "targets";
    public const string Options = "options";
    /// <summary>Per-test time limit in seconds (CodeContests).</summary>
    public const string TimeLimitSeconds = "time_limit_s";
    public const string MemoryLimitBytes = "memory_limit_bytes";
}
