namespace Archon.Core.Architecture;

/// <summary>JSON key names of a component and which component types make use of each optional key.</summary>
public static class ComponentKeys
{
    public const string Type = "type";
    public const string Model = "model";
    public const string ModelType = "model_type";
    public const string Temperature = "temperature";
    public const string MaxTokens = "max_tokens";
    public const string Samples = "samples";
    public const string TopK = "top_k";
    public const string FirstK = "first_k";
    public const string FirstPass = "first_pass";
    public const string LengthControl = "length_control";
    public const string UseCritiques = "use_critiques";
    public const string UnitTestCap = "unit_test_cap";
    public const string RemoveUnitTestsFromPrompt = "remove_unit_tests_from_prompt";
    public const string NoSystem = "no_system";
    public const string Id = "id";

    /// <summary>Keys every component type reads.</summary>
    public static readonly IReadOnlySet<string> Common = new HashSet<string> { Type, Model, ModelType, Temperature, MaxTokens, Samples, NoSystem, Id };

    /// <summary>Optional keys and the built-in types that read them; on other built-in types they are "unused".</summary>
    public static readonly IReadOnlyDictionary<string, string[]> UsedBy = new Dictionary<string, string[]>
    {
        [TopK] = [ComponentTypes.Ranker, ComponentTypes.UnitTestEvaluator],
        [FirstK] = [ComponentTypes.Verifier, ComponentTypes.UnitTestEvaluator],
        [FirstPass] = [ComponentTypes.UnitTestEvaluator],
        [LengthControl] = [ComponentTypes.Fuser],
        [UseCritiques] = [ComponentTypes.Ranker, ComponentTypes.Fuser],
        [UnitTestCap] = [ComponentTypes.UnitTestGenerator],
        [RemoveUnitTestsFromPrompt] = [ComponentTypes.UnitTestEvaluator],
    };

    /// <summary>True for every key the loader reads into a typed property.</summary>
    public static bool IsBuiltIn(string key) => Common.Contains(key) || UsedBy.ContainsKey(key);

    /// <summary>Every key name the loader understands, for "did you mean" suggestions.</summary>
    public static IEnumerable<string> AllBuiltIn => Common.Concat(UsedBy.Keys);

    /// <summary>Keys the reference wrote but never read, and typos seen in its corpus.</summary>
    public static readonly IReadOnlyDictionary<string, string> KnownIgnored = new Dictionary<string, string>
    {
        ["length_contorl"] = "misspelling of \"length_control\" (the reference never read it either); ignored — rename it to enable length control",
        ["checkpoint"] = "reference bookkeeping key; ignored",
        ["batch_num"] = "reference bookkeeping key; ignored",
        ["ranker_batch_size"] = "reward-model batch size of the reference; ignored (rankers here make one ranking call per sample)",
        ["top_k_generations"] = "not read by the reference; ignored",
        ["fuse_generations_count"] = "not read by the reference; ignored",
        ["ranker_config"] = "not read by the reference; ignored",
    };
}
