using System.Text.Json;
using Archon.Core.Evaluation;
using Archon.Core.Evaluation.CodeContests;
using Archon.Core.Evaluation.Datasets;

namespace Archon.Core.Tests.Evaluation;

public sealed class CodeContestsTests
{
    private static readonly string Problems = Path.Combine(TestPaths.RepoRoot, "tests", "Archon.Core.Tests", "Evaluation", "CodeContests", "problems.jsonl");

    private static IReadOnlyList<BenchmarkItem> Items => CodeContestsLoader.LoadFile(Problems);

    private static string Incorrect(int problem, int index)
    {
        using var doc = JsonDocument.Parse(File.ReadLines(Problems).ElementAt(problem));
        return doc.RootElement.GetProperty("incorrect_solutions").GetProperty("solution")[index].GetString()!;
    }

    [Fact]
    public void LoadFile_UpstreamRecords_PrivateTestsLimitsAndPython3Reference()
    {
        var items = Items;
        Assert.Equal(3, items.Count);
        Assert.Equal("code_contests/9001_A. Sum of a range", items[0].Id);
        Assert.Equal(3, CodeContestsLoader.TestsOf(items[0]).Count);
        Assert.Equal("1", items[0].Metadata[MetadataKeys.TimeLimitSeconds]);
        Assert.Equal("268435456", items[0].Metadata[MetadataKeys.MemoryLimitBytes]);
        // The C++ solution comes first in the record; the reference is the first Python 3 one.
        Assert.StartsWith("l, r = map(int", items[0].Reference, StringComparison.Ordinal);
        Assert.Contains("standard input", items[0].Turns[0], StringComparison.Ordinal);
        Assert.Contains("Print the sum", items[0].Turns[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public async Task ScoreAsync_RightSolution_PassesAllPrivateTests(int problem)
    {
        var item = Items[problem];
        var score = await new CodeContestsScorer().ScoreAsync(item, "```python\n" + item.Reference + "\n```", default);
        Assert.True(score.Correct, score.Detail);
        Assert.StartsWith("passed", score.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public async Task ScoreAsync_WrongSolution_WrongAnswer(int problem)
    {
        var score = await new CodeContestsScorer().ScoreAsync(Items[problem], "```python\n" + Incorrect(problem, 0) + "```", default);
        Assert.False(score.Correct);
        Assert.True(score.Scored);
        Assert.Contains("wrong answer", score.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScoreAsync_TooSlowSolution_TimeLimitExceededOnTheBigTest()
    {
        var score = await new CodeContestsScorer { StartupAllowance = TimeSpan.FromSeconds(1) }.ScoreAsync(Items[0], Incorrect(0, 1), default);
        Assert.False(score.Correct);
        Assert.StartsWith("test 3/3: time limit exceeded", score.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PassAtKAsync_OneRightOfThree_UnbiasedEstimate()
    {
        var item = Items[0];
        var samples = new[] { item.Reference, Incorrect(0, 0), "no code at all" };
        var scorer = new CodeContestsScorer();
        Assert.Equal(1.0 / 3, await scorer.PassAtKAsync(item, samples, 1, default), 6);
        Assert.Equal(2.0 / 3, await scorer.PassAtKAsync(item, samples, 2, default), 6);
    }

    [Theory]
    [InlineData("55\n", "55", true)]
    [InlineData("1 2  \n3\n\n", "1 2\n3", true)]
    [InlineData("YES\r\n", "yes\n", true)]
    [InlineData("007", "7", true)]
    [InlineData("2.3333333333333335", "2.333333333", true)]
    [InlineData("2.33", "2.333333333", false)]
    [InlineData("1000000.5000004", "1000000.5", true)]
    [InlineData("0.0000015", "0.0000001", false)]
    [InlineData("1 2", "1 2 3", false)]
    [InlineData("12", "12.0000001", true)]
    [InlineData("13", "12", false)]
    public void Matches_DocumentedRule(string actual, string expected, bool match) =>
        Assert.Equal(match, OutputComparer.Matches(actual, expected));

    [Fact]
    public void LoadFile_MalformedRecord_NamesFileItemAndField()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("archon-cc-").FullName, "test.jsonl");
        File.WriteAllText(path, """{"name": "bad_1", "description": "d", "private_tests": {"input": ["1"], "output": "x"}}""" + "\n");
        var ex = Assert.Throws<DatasetNotFoundException>(() => CodeContestsLoader.LoadFile(path));
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains("bad_1", ex.Message, StringComparison.Ordinal);
        Assert.Contains("private_tests.output", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NoCopyInDatasetFolder_SaysWhereToGetIt()
    {
        var empty = Directory.CreateTempSubdirectory("archon-cc-empty-");
        var ex = Assert.Throws<DatasetNotFoundException>(() => CodeContestsLoader.Load(new DatasetDirectory(empty.FullName)));
        Assert.Contains("code_contests/test.jsonl", ex.Message, StringComparison.Ordinal);
        Assert.Contains("deepmind/code_contests", ex.Message, StringComparison.Ordinal);
    }
}
