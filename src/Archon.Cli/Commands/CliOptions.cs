namespace Archon.Cli.Commands;

/// <summary>
/// The one table of short options: a letter means the same thing on every verb, and an option without a letter here
/// is long-only. A test reads every command's settings and fails on a short option this table does not list, a
/// short option used for another long name, or an option without help text. To add a short option, add it here and
/// to README "Command-line options". Letters Spectre reserves: -h (help), -v (version, before a verb).
/// </summary>
public static class CliOptions
{
    public const string Architecture = "-a|--architecture <FILE_OR_NAME>";
    public const string Benchmark = "-b|--benchmark <NAME>";
    public const string DatasetDir = "-d|--dataset-dir <DIR>";
    public const string Models = "-m|--models <CATALOG>";
    public const string Prompt = "-p|--prompt <TEXT>";
    public const string Seed = "-s|--seed <SEED>";
    public const string Limit = "-n|--limit <N>";
    public const string Output = "-o|--output <FILE>";
    public const string Parallelism = "-j|--parallelism <N>";

    // Long-only options shared by several verbs: one spelling and, where the meaning is the same, one help text.
    public const string Prompts = "--prompts <FILE>";
    public const string Components = "--components <ASSEMBLY>";
    public const string ComponentsHelp = "Component plugin assembly; repeatable (also every *.dll in $ARCHON_COMPONENTS_DIR).";

    /// <summary>Short name → the long names it may stand for (a singular/plural pair is one meaning).</summary>
    public static IReadOnlyDictionary<string, string[]> ShortNames { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["a"] = ["architecture", "architectures"],
        ["b"] = ["benchmark"],
        ["d"] = ["dataset-dir"],
        ["j"] = ["parallelism"],
        ["m"] = ["models"],
        ["n"] = ["limit"],
        ["o"] = ["output", "out"],
        ["p"] = ["prompt"],
        ["s"] = ["seed"],
    };
}
