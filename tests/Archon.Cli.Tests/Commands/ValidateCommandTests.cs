using Archon.Cli.Commands;

namespace Archon.Cli.Tests.Commands;

public sealed class ValidateCommandTests
{
    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Archon.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Archon.sln not found");
    }

    private static string ConfigsDir =>
        Environment.GetEnvironmentVariable("ARCHON_SHARED_DIR") is { Length: > 0 } shared
            ? Path.Combine(shared, "archon-configs")
            : Path.GetFullPath(Path.Combine(RepoRoot(), "..", "shared", "archon-configs"));

    private static (int Exit, string[] Lines) Run(ValidateSettings settings)
    {
        using var output = new StringWriter();
        var exit = new ValidateCommand(output).Execute(null!, settings, CancellationToken.None);
        return (exit, output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Execute_ReferenceCorpus_OneLinePerFileAndFailsOnTheInvalidJson()
    {
        var (exit, lines) = Run(new ValidateSettings { Paths = [ConfigsDir] });

        var files = Directory.EnumerateFiles(ConfigsDir, "*.json", SearchOption.AllDirectories).Count();
        Assert.Equal(1, exit);
        Assert.Equal(files, lines.Length);
        var fail = Assert.Single(lines, l => l.StartsWith("FAIL ", StringComparison.Ordinal));
        Assert.Contains("archon-1-110bFuser-1-110bRanker5-8-70BM.json: line 71, position 40: [json-syntax]", fail);
        Assert.Equal(files - 1, lines.Count(l => l.StartsWith("OK   ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Execute_GoodFileWithCatalog_ExitZeroAndWarningsOnRequest()
    {
        var file = Path.Combine(ConfigsDir, "individual_models", "gpt-4o-mini.json");

        var (exit, lines) = Run(new ValidateSettings { Paths = [file], ShowWarnings = true, Models = Path.Combine(RepoRoot(), "catalog", "models.json") });

        Assert.Equal(0, exit);
        Assert.StartsWith("OK   ", lines[0]);
        Assert.Contains(lines, l => l.Contains("[unused-key] \"top_k\" has no effect on a generator"));
    }

    [Fact]
    public void Execute_ReferenceCorpusWithDefaultCatalog_EveryValidJsonFileLoadsAndResolves()
    {
        var (_, lines) = Run(new ValidateSettings { Paths = [ConfigsDir], Models = Path.Combine(RepoRoot(), "catalog", "models.json") });

        var fail = Assert.Single(lines, l => l.StartsWith("FAIL ", StringComparison.Ordinal));
        Assert.Contains("[json-syntax]", fail); // the one file of the corpus that is not valid JSON
        Assert.Equal(Directory.EnumerateFiles(ConfigsDir, "*.json", SearchOption.AllDirectories).Count() - 1, lines.Count(l => l.StartsWith("OK   ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Execute_PairRmWithoutRewardModelEntry_FailsNamingTheEntryToAdd()
    {
        var file = Path.Combine(ConfigsDir, "archon-1-110bFuser-PairRM3-6-MoAM.json");
        var dir = Directory.CreateTempSubdirectory("archon-validate-");
        try
        {
            var catalog = Path.Combine(dir.FullName, "models.json");
            File.WriteAllText(catalog, """{ "models": [ { "id": "*", "provider": "openai-compatible", "endpoint": "http://127.0.0.1:1/v1" } ] }""");

            var (exit, lines) = Run(new ValidateSettings { Paths = [file], Models = catalog });

            Assert.Equal(1, exit);
            var line = Assert.Single(lines);
            Assert.Contains("model llm-blender/PairRM: the PairRM ranker scores candidates with a reward-model endpoint", line);
            Assert.Contains("lists it with provider \"openai-compatible\": add {\"id\": \"llm-blender/PairRM\", \"provider\": \"reward-model\"", line);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Execute_TypoKey_WarnsByDefaultWithDidYouMean()
    {
        var dir = Directory.CreateTempSubdirectory("archon-validate-");
        try
        {
            var file = Path.Combine(dir.FullName, "typo.json");
            File.WriteAllText(file, """{"name":"typo","layers":[[{"type":"generator","model":"m","sample":3}]]}""");

            var (exit, lines) = Run(new ValidateSettings { Paths = [file] });

            Assert.Equal(0, exit);
            Assert.Equal(2, lines.Length);
            Assert.Equal("     layer 0, component 0: warning [unknown-key] \"sample\": unknown key; ignored (did you mean \"samples\"?)", lines[1]);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Execute_SampleComponentPlugin_CustomTypeAndItsKeysValidate_UnknownWithout()
    {
        var file = Path.Combine(RepoRoot(), "samples", "custom-component", "majority-vote.json");
        var plugin = Path.Combine(AppContext.BaseDirectory, "MajorityVote.dll");

        var (withExit, withLines) = Run(new ValidateSettings { Paths = [file], Components = [plugin] });
        var (withoutExit, withoutLines) = Run(new ValidateSettings { Paths = [file] });

        Assert.Equal(0, withExit);
        Assert.StartsWith("OK   " + file + " (2 layers, 2 components", Assert.Single(withLines), StringComparison.Ordinal);
        Assert.Equal(1, withoutExit);
        Assert.Contains("[unknown-type] unknown component type \"majority_vote\"", withoutLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_MissingPlugin_ExitTwoNamingTheFile()
    {
        var (exit, lines) = Run(new ValidateSettings { Paths = ["x.json"], Components = ["/nonexistent/Plugin.dll"] });

        Assert.Equal(2, exit);
        Assert.Equal("error: component plugin /nonexistent/Plugin.dll: file not found", Assert.Single(lines));
    }

    [Fact]
    public void Execute_RuleViolation_NamesLayerComponentAndRule()
    {
        var dir = Directory.CreateTempSubdirectory("archon-validate-");
        try
        {
            var file = Path.Combine(dir.FullName, "bad.json");
            File.WriteAllText(file, """{"name":"bad","layers":[[{"type":"fuser","model":"m"}]]}""");

            var (exit, lines) = Run(new ValidateSettings { Paths = [file] });

            Assert.Equal(1, exit);
            Assert.Contains("layer 0, component 0: [candidates-required]", Assert.Single(lines));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
