using System.Text.RegularExpressions;

namespace Archon.Functions.Tests.Infra;

/// <summary>
/// The README's Quick start is a contract: its first fenced block holds exactly the main job and the test command,
/// and CI (.ci/run) runs that same test command.
/// </summary>
public sealed partial class ReadmeQuickStartTests
{
    private const string MainJob = "dotnet run --project src/Archon.Cli -c Release -- search";
    private const string TestCommand = "./.ci/test";

    [GeneratedRegex(@"^test_command='(?<cmd>[^']+)'$", RegexOptions.Multiline)]
    private static partial Regex CiTestCommand();

    [Fact]
    public void QuickStart_FirstCodeBlock_IsTheMainJobThenTheTestCommand()
    {
        var block = QuickStartBlock(File.ReadAllLines(Path.Combine(InfraPaths.RepoRoot, "README.md")));

        Assert.Equal(new[] { MainJob, TestCommand }, block);
    }

    [Fact]
    public void CiRun_TestCommand_IsTheReadmeTestCommand()
    {
        var script = File.ReadAllText(Path.Combine(InfraPaths.RepoRoot, ".ci", "run"));

        Assert.StartsWith("#!/usr/bin/env bash", script, StringComparison.Ordinal);
        Assert.Contains("set -euo pipefail", script, StringComparison.Ordinal);
        Assert.Equal(TestCommand, CiTestCommand().Match(script).Groups["cmd"].Value);
        Assert.True(File.Exists(Path.Combine(InfraPaths.RepoRoot, TestCommand)));
    }

    [Fact]
    public void QuickStartBlock_ReadmeWithoutTheSection_ReturnsEmpty()
    {
        Assert.Empty(QuickStartBlock(["# Title", "```", "x", "```"]));
    }

    [Fact]
    public void CiScripts_Mode_AreExecutable()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        foreach (var script in new[] { "run", "test" })
        {
            var mode = File.GetUnixFileMode(Path.Combine(InfraPaths.RepoRoot, ".ci", script));
            Assert.True((mode & UnixFileMode.UserExecute) != 0, $".ci/{script} is not executable");
        }
    }

    // Lines of the first fenced code block after the "## Quick start" heading (before the next "## " heading).
    private static IReadOnlyList<string> QuickStartBlock(IEnumerable<string> readme)
    {
        var lines = new List<string>();
        var (inSection, inBlock) = (false, false);
        foreach (var line in readme)
        {
            if (!inSection)
            {
                inSection = line.Trim() == "## Quick start";
                continue;
            }

            if (!inBlock && line.StartsWith("## ", StringComparison.Ordinal))
            {
                break;
            }

            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                if (inBlock)
                {
                    break;
                }

                inBlock = true;
                continue;
            }

            if (inBlock)
            {
                lines.Add(line);
            }
        }

        return lines;
    }
}
