using System.Text.RegularExpressions;

namespace Archon.Cli.Tests.Commands;

/// <summary>
/// The `archon` commands README.md shows are run as written through the command tree, against a scratch folder holding
/// the README's architecture as my-architecture.json and the repository's catalog/, so the README cannot drift from
/// what the CLI accepts. The tests run in-process and the working directory is shared by every test, so relative
/// paths of the command that name files in the scratch folder are resolved there, and the default store (.archon)
/// is pinned to the scratch folder.
/// </summary>
[Collection(EmbeddedHostCollection.Name)]
public sealed partial class ReadmeCommandTests : IDisposable
{
    private const string Prefix = "dotnet run --project src/Archon.Cli -c Release -- ";

    private static readonly string[] Readme = File.ReadAllLines(Path.Combine(TestPaths.RepoRoot, "README.md"));

    private readonly DirectoryInfo dir = Directory.CreateTempSubdirectory("archon-readme-");

    public ReadmeCommandTests()
    {
        File.WriteAllText(Path.Combine(dir.FullName, "my-architecture.json"), JsonBlockUnder("## Writing an architecture"));
        var catalog = Directory.CreateDirectory(Path.Combine(dir.FullName, "catalog"));
        foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "catalog"), "*.json"))
        {
            File.Copy(file, Path.Combine(catalog.FullName, Path.GetFileName(file)));
        }
    }

    public void Dispose() => dir.Delete(recursive: true);

    [Fact]
    public void Readme_ArchonCommands_UseOnlyVerbsThatHaveCommandTests()
    {
        // validate/run: this class; search: SearchCommandTests + CI main job; serve: Durable HTTP tests; models: ModelsProgramTests.
        var verbs = ArchonCommands().Select(c => c.Split(' ')[0]).Distinct().ToList();

        Assert.Contains("validate", verbs);
        Assert.Contains("run", verbs);
        Assert.All(verbs, v => Assert.Contains(v, new[] { "validate", "run", "search", "serve", "models" }));
    }

    [Fact]
    public async Task Readme_ValidateCommand_ReportsTheReadmeArchitectureOk()
    {
        var result = await RunInScratchAsync(ArchonCommands().Single(c => c.StartsWith("validate ", StringComparison.Ordinal)));

        Assert.True(result.Exit == 0, result.ToString());
        Assert.StartsWith($"OK   {Path.Combine(dir.FullName, "my-architecture.json")} (4 layers, 4 components", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readme_RunCommand_AnswersOfflineThroughTheDurableHost()
    {
        var command = ArchonCommands().Single(c => c.StartsWith("run ", StringComparison.Ordinal));

        var result = await RunInScratchAsync(command);

        Assert.True(result.Exit == 0, result.ToString());
        var stdout = result.Out;
        var lines = stdout.Split('\n', StringSplitOptions.TrimEntries);
        Assert.StartsWith("LOOPBACK", lines[0], StringComparison.Ordinal);
        Assert.StartsWith($"three-samples-critic-rank-fuse (4 layers, prompts {Archon.Core.Prompts.PromptPack.Default.Id})", lines[1], StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(lines[2]), "empty answer");
        Assert.Contains("calls 6 (failed 0", stdout, StringComparison.Ordinal); // 3 samples + critic + ranker + fuser
        Assert.StartsWith("trace: ", result.Error, StringComparison.Ordinal); // the default host is durable
        Assert.True(Directory.Exists(Path.Combine(dir.FullName, ".archon", "archon-traces")));
    }

    /// <summary>Runs a README command with its scratch-folder paths resolved (see the class summary).</summary>
    private Task<CliResult> RunInScratchAsync(string command)
    {
        var args = Tokens(command).Select(t => File.Exists(Path.Combine(dir.FullName, t)) ? Path.Combine(dir.FullName, t) : t).ToList();
        if (args[0] == "run" && !args.Contains("--store"))
        {
            args.AddRange(["--store", Path.Combine(dir.FullName, ".archon")]);
        }

        return ArchonCli.RunAsync([.. args]);
    }

    /// <summary>Every `archon` invocation in the README's bash blocks, without the `dotnet run ... --` prefix.</summary>
    private static List<string> ArchonCommands() =>
        Readme.Select(l => l.Trim()).Where(l => l.StartsWith(Prefix, StringComparison.Ordinal)).Select(l => l[Prefix.Length..]).ToList();

    /// <summary>Shell words of a README line: double-quoted strings are one word (the README uses no other quoting).</summary>
    private static IEnumerable<string> Tokens(string command) =>
        ShellWord().Matches(command).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Value);

    private static string JsonBlockUnder(string heading)
    {
        var start = Array.IndexOf(Readme, heading);
        Assert.True(start >= 0, $"README has no '{heading}' section");
        var open = Array.FindIndex(Readme, start, l => l.StartsWith("```json", StringComparison.Ordinal));
        var close = Array.FindIndex(Readme, open + 1, l => l.StartsWith("```", StringComparison.Ordinal));
        return string.Join('\n', Readme[(open + 1)..close]);
    }

    [GeneratedRegex("\"([^\"]*)\"|\\S+")]
    private static partial Regex ShellWord();
}
