namespace Archon.Cli.Tests.Commands;

public sealed class ValidateCommandTests
{
    private static string ConfigsDir => TestPaths.ConfigsDir;

    private static string DefaultCatalog => Path.Combine(TestPaths.RepoRoot, "catalog", "models.json");

    private static async Task<(int Exit, string[] Lines)> Run(params string[] args)
    {
        var result = await ArchonCli.RunAsync(["validate", .. args]);
        return (result.Exit, result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Execute_ReferenceCorpus_OneLinePerFileAndFailsOnTheInvalidJson()
    {
        var (exit, lines) = await Run(ConfigsDir);

        var files = Directory.EnumerateFiles(ConfigsDir, "*.json", SearchOption.AllDirectories).Count();
        Assert.Equal(1, exit);
        Assert.Equal(files, lines.Count(l => l.StartsWith("OK   ", StringComparison.Ordinal) || l.StartsWith("FAIL ", StringComparison.Ordinal)));
        var fail = Assert.Single(lines, l => l.StartsWith("FAIL ", StringComparison.Ordinal));
        Assert.Contains("archon-1-110bFuser-1-110bRanker5-8-70BM.json: line 71, position 40: [json-syntax]", fail, StringComparison.Ordinal);
        Assert.Equal(files - 1, lines.Count(l => l.StartsWith("OK   ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Execute_ReferenceCorpusWithDefaultCatalog_EveryValidJsonFileLoadsAndResolves()
    {
        var (_, lines) = await Run(ConfigsDir, "--models", DefaultCatalog);

        var fail = Assert.Single(lines, l => l.StartsWith("FAIL ", StringComparison.Ordinal));
        Assert.Contains("[json-syntax]", fail, StringComparison.Ordinal); // the one file of the corpus that is not valid JSON
        Assert.Equal(
            Directory.EnumerateFiles(ConfigsDir, "*.json", SearchOption.AllDirectories).Count() - 1,
            lines.Count(l => l.StartsWith("OK   ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Execute_GoodFileWithCatalog_ExitZeroAndWarningsOnRequest()
    {
        var file = Path.Combine(ConfigsDir, "individual_models", "gpt-4o-mini.json");

        var (exit, lines) = await Run(file, "--warnings", "-m", DefaultCatalog);

        Assert.Equal(0, exit);
        Assert.StartsWith("OK   ", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains("[unused-key] \"top_k\" has no effect on a generator", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Execute_PairRmWithoutRewardModelEntry_FailsNamingTheEntryToAdd()
    {
        var file = Path.Combine(ConfigsDir, "archon-1-110bFuser-PairRM3-6-MoAM.json");
        var dir = Directory.CreateTempSubdirectory("archon-validate-");
        try
        {
            var catalog = Path.Combine(dir.FullName, "models.json");
            File.WriteAllText(catalog, """{ "models": [ { "id": "*", "provider": "openai-compatible", "endpoint": "http://127.0.0.1:1/v1" } ] }""");

            var (exit, lines) = await Run(file, "--models", catalog);

            Assert.Equal(1, exit);
            var line = Assert.Single(lines);
            Assert.Contains("model llm-blender/PairRM: the PairRM ranker scores candidates with a reward-model endpoint", line, StringComparison.Ordinal);
            Assert.Contains("lists it with provider \"openai-compatible\": add {\"id\": \"llm-blender/PairRM\", \"provider\": \"reward-model\"", line, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Execute_TypoKey_WarnsByDefaultWithDidYouMean()
    {
        var dir = Directory.CreateTempSubdirectory("archon-validate-");
        try
        {
            var file = Path.Combine(dir.FullName, "typo.json");
            File.WriteAllText(file, """{"name":"typo","layers":[[{"type":"generator","model":"m","sample":3}]]}""");

            var (exit, lines) = await Run(file);

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
    public async Task Execute_SampleComponentPlugin_CustomTypeAndItsKeysValidate_UnknownWithout()
    {
        var file = Path.Combine(TestPaths.RepoRoot, "samples", "custom-component", "majority-vote.json");
        var plugin = Path.Combine(AppContext.BaseDirectory, "MajorityVote.dll");

        var (withExit, withLines) = await Run(file, "--components", plugin);
        var (withoutExit, withoutLines) = await Run(file);

        Assert.Equal(0, withExit);
        Assert.StartsWith("OK   " + file + " (2 layers, 2 components", Assert.Single(withLines), StringComparison.Ordinal);
        Assert.Equal(1, withoutExit);
        Assert.Contains("[unknown-type] unknown component type \"majority_vote\"", withoutLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_MissingPlugin_ExitTwoNamingTheFile()
    {
        var result = await ArchonCli.RunAsync("validate", "x.json", "--components", "/nonexistent/Plugin.dll");

        Assert.Equal(2, result.Exit);
        Assert.Equal("error: component plugin /nonexistent/Plugin.dll: file not found", Assert.Single(result.OutLines));
    }

    [Fact]
    public async Task Execute_RuleViolation_NamesLayerComponentAndRule()
    {
        var dir = Directory.CreateTempSubdirectory("archon-validate-");
        try
        {
            var file = Path.Combine(dir.FullName, "bad.json");
            File.WriteAllText(file, """{"name":"bad","layers":[[{"type":"fuser","model":"m"}]]}""");

            var (exit, lines) = await Run(file);

            Assert.Equal(1, exit);
            Assert.Contains("layer 0, component 0: [candidates-required]", Assert.Single(lines), StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
