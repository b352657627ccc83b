using System.Text.RegularExpressions;

namespace Archon.Cli.Tests.Commands;

/// <summary>
/// The `archon` commands README.md shows are run as written (through the real entry point, in a scratch folder holding
/// the README's architecture as my-architecture.json and the repository's catalog/), so the README cannot drift
/// from what the CLI accepts.
/// </summary>
[Collection(EmbeddedHostCollection.Name)]
public sealed partial class ReadmeCommandTests : IDisposable
{
    private const string Prefix = "dotnet run --project src/Archon.Cli -c Release -- ";

    private static readonly string[] Readme = File.ReadAllLines(Path.Combine(CliTestPaths.RepoRoot, "README.md"));

    private readonly DirectoryInfo dir = Directory.CreateTempSubdirectory("archon-readme-");

    public ReadmeCommandTests()
    {
        File.WriteAllText(Path.Combine(dir.FullName, "my-architecture.json"), JsonBlockUnder("## Writing an architecture"));
        var catalog = Directory.CreateDirectory(Path.Combine(dir.FullName, "catalog"));
        foreach (var file in Directory.GetFiles(Path.Combine(CliTestPaths.RepoRoot, "catalog"), "*.json"))
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
        var (exit, stdout, stderr) = await ArchonProcess.RunAsync(dir.FullName, Tokens(ArchonCommands().Single(c => c.StartsWith("validate ", StringComparison.Ordinal))));

        Assert.True(exit == 0, stdout + stderr);
        Assert.StartsWith("OK   my-architecture.json (4 layers, 4 components", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readme_RunCommand_AnswersOfflineThroughTheDurableHost()
    {
        var command = ArchonCommands().Single(c => c.StartsWith("run ", StringComparison.Ordinal));

        var (exit, stdout, stderr) = await ArchonProcess.RunAsync(dir.FullName, Tokens(command));

        Assert.True(exit == 0, stdout + stderr);
        var lines = stdout.Split('\n', StringSplitOptions.TrimEntries);
        Assert.StartsWith("LOOPBACK", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("three-samples-critic-rank-fuse (4 layers)", lines[1], StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(lines[2]), "empty answer");
        Assert.Contains("calls 6 (failed 0", stdout, StringComparison.Ordinal); // 3 samples + critic + ranker + fuser
        Assert.StartsWith("trace: ", stderr, StringComparison.Ordinal); // the default host is durable
        Assert.True(Directory.Exists(Path.Combine(dir.FullName, ".archon", "archon-traces")));
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
