using Archon.Core.Parsing;

namespace Archon.Core.Tests.Parsing;

public sealed class CritiqueParserTests
{
    [Theory]
    [InlineData("[1]\nStrengths:\n- clear\nWeaknesses:\n- short\n\n[2]\nStrengths:\n- thorough\nWeaknesses:\n- wrong total")]
    [InlineData("Candidate 1: Strengths: clear. Weaknesses: short.\nCandidate 2: Strengths: thorough. Weaknesses: wrong total.")]
    [InlineData("**Response 1**\nStrengths: clear\nWeaknesses: short\n**Response 2**\nStrengths: thorough\nWeaknesses: wrong total")]
    [InlineData("Here is my review.\n### [1]\n- clear but short\n### [2]\n- thorough but has the wrong total")]
    public void Parse_CommonLayouts_OneCritiquePerCandidate(string text)
    {
        var result = CritiqueParser.Parse(text, 2);

        Assert.True(result.Succeeded, result.Error);
        Assert.Contains("clear", result.Value![0]);
        Assert.Contains("wrong total", result.Value[1]);
        Assert.DoesNotContain("wrong total", result.Value[0]);
    }

    [Fact]
    public void Parse_SingleCandidateWithoutHeader_UsesWholeText()
    {
        var result = CritiqueParser.Parse("Strengths: concise. Weaknesses: none.", 1);

        Assert.Equal("Strengths: concise. Weaknesses: none.", Assert.Single(result.Value!));
    }

    [Fact]
    public void Parse_MissingCandidate_NamesIt()
    {
        var result = CritiqueParser.Parse("[1]\nfine\n[3]\nweak", 3);

        Assert.False(result.Succeeded);
        Assert.Contains("candidate(s) 2", result.Error);
    }
}
