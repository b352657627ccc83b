namespace Archon.Cli.Tests.Commands;

public sealed class ValidateCommandTests
{
    private static string ConfigsDir => TestPaths.ConfigsDir;

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
        Assert.Equal(files, lines.Length);
        var fail = Assert.Single(lines, l => l.StartsWith("FAIL ", StringComparison.Ordinal));
        Assert.Contains("archon-1-110bFuser-1-110bRanker5-8-70BM.json: line 71, position 40: [json-syntax]", fail, StringComparison.Ordinal);
        Assert.Equal(files - 1, lines.Count(l => l.StartsWith("OK   ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Execute_GoodFileWithCatalog_ExitZeroAndWarningsOnRequest()
    {
        var file = Path.Combine(ConfigsDir, "individual_models", "gpt-4o-mini.json");

        var (exit, lines) = await Run(file, "--warnings", "-m", Path.Combine(TestPaths.RepoRoot, "catalog", "models.json"));

        Assert.Equal(0, exit);
        Assert.StartsWith("OK   ", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains("[unused-key] \"top_k\" has no effect on a generator", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Execute_UnconfiguredModel_FailsWithCatalogHint()
    {
        var file = Path.Combine(ConfigsDir, "archon-1-110bFuser-PairRM3-6-MoAM.json");

        var (exit, lines) = await Run(file, "--models", Path.Combine(TestPaths.RepoRoot, "catalog", "models.json"));

        Assert.Equal(1, exit);
        Assert.Contains("model llm-blender/PairRM (model_type none) is not configured: add it to the catalog", Assert.Single(lines), StringComparison.Ordinal);
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
