using Archon.Core.Evaluation;
using Archon.Core.Evaluation.Datasets;
using Archon.Core.Evaluation.Scoring;

namespace Archon.Core.Tests.Evaluation;

public sealed class DatasetTests
{
    private static readonly DatasetDirectory Datasets = new(TestPaths.DatasetsDir);

    [Fact]
    public void Load_SharedCopies_ExpectedCountsAndFields()
    {
        Assert.Equal(1055, Gsm8kLoader.Load(Datasets).Count);
        Assert.Equal(400, Math500Loader.Load(Datasets).Count);
        Assert.Equal(131, HumanEvalLoader.Load(Datasets).Count);
        var mbpp = MbppLoader.Load(Datasets);
        Assert.Equal(500, mbpp.Count);
        Assert.Equal("mbpp/11", mbpp[0].Id);
        Assert.Equal("mbpp/510", mbpp[^1].Id);
        var mt = MtBenchLoader.Load(Datasets);
        Assert.Equal(80, mt.Count);
        Assert.All(mt, i => Assert.Equal(2, i.Turns.Count));
        Assert.Equal(30, mt.Count(i => i.Reference is not null && i.Metadata.ContainsKey(MetadataKeys.ReferenceTurn2)));
        var v01 = ArenaHardLoader.Load(Datasets, ArenaHardLoader.V01);
        Assert.Equal(500, v01.Count);
        Assert.All(v01, i => Assert.NotNull(i.Reference));
        var v20 = ArenaHardLoader.Load(Datasets, ArenaHardLoader.V20);
        Assert.Equal(750, v20.Count);
        Assert.Equal(500, v20.Count(i => i.Metadata[MetadataKeys.Category] == "hard_prompt"));
        Assert.Equal(805, AlpacaEvalLoader.Load(Datasets).Count);
    }

    [Fact]
    public void Require_MissingFile_NamesFileAndPublicSource()
    {
        var empty = Directory.CreateTempSubdirectory("archon-empty-");
        try
        {
            var ex = Assert.Throws<DatasetNotFoundException>(() => HumanEvalLoader.Load(new DatasetDirectory(empty.FullName)));
            Assert.Contains("humaneval/HumanEval.jsonl.gz", ex.Message, StringComparison.Ordinal);
            Assert.Contains("github.com/openai/human-eval", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            empty.Delete(true);
        }
    }

    [Fact]
    public void Resolve_NoSetting_ClearError()
    {
        var saved = Environment.GetEnvironmentVariable(DatasetDirectory.EnvironmentVariable);
        Environment.SetEnvironmentVariable(DatasetDirectory.EnvironmentVariable, null);
        try
        {
            var ex = Assert.Throws<DatasetNotFoundException>(() => DatasetDirectory.Resolve(null));
            Assert.Contains("--dataset-dir", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(DatasetDirectory.EnvironmentVariable, saved);
        }
    }

    [Fact]
    public void Split_SameSeed_DeterministicDisjointTwentyEighty()
    {
        var items = Gsm8kLoader.Load(Datasets);
        var (dev, test) = DatasetSplitter.Split(items, 42);
        var (dev2, _) = DatasetSplitter.Split(items, 42);
        var (dev3, _) = DatasetSplitter.Split(items, 43);
        Assert.Equal(211, dev.Count);
        Assert.Equal(items.Count, dev.Count + test.Count);
        Assert.Empty(dev.Select(i => i.Id).Intersect(test.Select(i => i.Id)));
        Assert.Equal(dev.Select(i => i.Id), dev2.Select(i => i.Id));
        Assert.NotEqual(dev.Select(i => i.Id), dev3.Select(i => i.Id));
    }

    [Fact]
    public void Generate_SameSeed_IdenticalItemsOtherSeedDiffers()
    {
        var a = BuiltinBenchmark.Generate(5);
        var b = BuiltinBenchmark.Generate(5);
        var c = BuiltinBenchmark.Generate(6);
        Assert.Equal(BuiltinBenchmark.DefaultMathCount + BuiltinBenchmark.DefaultCodeCount, a.Count);
        Assert.Equal(a.Select(i => i.Turns[0] + i.Reference), b.Select(i => i.Turns[0] + i.Reference));
        Assert.NotEqual(a.Select(i => i.Turns[0]), c.Select(i => i.Turns[0]));
        Assert.All(a.Where(i => i.Family == "builtin-math"), i => Assert.Matches(@"^-?\d+$", i.Reference!));
    }

    [Fact]
    public async Task Gsm8kScorer_WorkedReferenceSolutions_AllAgree()
    {
        var scorer = new Gsm8kScorer();
        var items = Gsm8kLoader.Load(Datasets);
        var wrong = new List<string>();
        foreach (var i in items)
        {
            if (!(await scorer.ScoreAsync(i, i.Metadata[MetadataKeys.Solution], default)).Correct) { wrong.Add(i.Id); }
        }

        Assert.Empty(wrong);
        Assert.Equal(0, (await scorer.ScoreAsync(items[0], "so she makes 19 dollars. The answer is 19", default)).Value);
    }

    [Theory]
    [InlineData("She pays $1,234.50 in total.\n#### 1,234.5", "1234.5")]
    [InlineData("The answer is 42 apples, not 7.", "42")]
    [InlineData("total \\boxed{18}", "18")]
    [InlineData("first 3 then 5", "5")]
    public void Extract_Gsm8kForms_FinalNumber(string text, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Gsm8kAnswerExtractor.Extract(text));
}

public sealed class DatasetOptionsTests
{
    [Fact]
    public void Validate_MissingDirectory_NamesSetting() =>
        Assert.Contains("Archon:Datasets:Directory", Assert.Single(new Archon.Core.Evaluation.Datasets.DatasetOptions { Directory = "/nonexistent/archon" }.Validate()), StringComparison.Ordinal);

    [Fact]
    public void Resolve_ExistingDirectory_Root() =>
        Assert.Equal(Path.GetFullPath(TestPaths.DatasetsDir), new Archon.Core.Evaluation.Datasets.DatasetOptions { Directory = TestPaths.DatasetsDir }.Resolve().Root);
}
