using Archon.Core.Parsing;

namespace Archon.Core.Tests.Parsing;

public sealed class VerdictParserTests
{
    [Theory]
    [InlineData("[[Correct]]", true)]
    [InlineData("Analysis done. [[Incorrect]]", false)]
    [InlineData("The reasoning holds. [Correct]", true)]
    [InlineData("A step fails, so: [Incorrect]", false)]
    [InlineData("Verdict: Yes", true)]
    [InlineData("Final answer: **No**", false)]
    [InlineData("The steps check out.\nValid", true)]
    [InlineData("invalid.", false)]
    [InlineData("The response is correct.", true)]
    [InlineData("Not correct", false)]
    [InlineData("Some analysis.\nNo, the total is wrong.", false)]
    [InlineData("Yes — every step checks out.", true)]
    public void Parse_CommonForms_ReadsVerdict(string text, bool expected)
    {
        var result = VerdictParser.Parse(text);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData("It depends on the interpretation of the question.")]
    [InlineData("[[maybe]]")]
    [InlineData("I first thought [Incorrect] but on reflection [Correct]")]
    [InlineData("")]
    public void Parse_Malformed_Fails(string text)
    {
        Assert.False(VerdictParser.Parse(text).Succeeded);
    }
}
