using Archon.Core.Parsing;

namespace Archon.Core.Tests.Parsing;

public sealed class RankingParserTests
{
    [Theory]
    [InlineData("[2] > [1] > [3]", new[] { 1, 0, 2 })]
    [InlineData("2 > 1 > 3", new[] { 1, 0, 2 })]
    [InlineData("2, 1, 3", new[] { 1, 0, 2 })]
    [InlineData("[2, 3, 1]", new[] { 1, 2, 0 })]
    [InlineData("Let me compare.\n[1] is vague, [3] is wrong.\n\n**Ranking: [3] > [2] > [1]**", new[] { 2, 1, 0 })]
    [InlineData("{\"ranking\": [3, 1, 2]}", new[] { 2, 0, 1 })]
    [InlineData("Final ranking: Candidate 2 > Candidate 3 > Candidate 1", new[] { 1, 2, 0 })]
    [InlineData("[3] > [1]", new[] { 2, 0, 1 })]
    [InlineData("[2] > [2] > [1] > [3]", new[] { 1, 0, 2 })]
    public void Parse_CommonForms_ReadsOrdering(string text, int[] expected)
    {
        var result = RankingParser.Parse(text, 3);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData("They are all equally good.")]
    [InlineData("")]
    [InlineData("[4] > [1] > [2]")]
    public void Parse_Malformed_FailsWithReason(string text)
    {
        var result = RankingParser.Parse(text, 3);

        Assert.False(result.Succeeded);
        Assert.False(string.IsNullOrEmpty(result.Error));
    }
}
