using Archon.Core.Parsing;

namespace Archon.Core.Tests.Parsing;

public sealed class UnitTestParserTests
{
    [Theory]
    [InlineData("1. Returns 4\n2. Explains the sum\n3) Is one sentence")]
    [InlineData("Here are the tests:\n- Returns 4\n- Explains the sum\n* Is one sentence")]
    [InlineData("Test 1: Returns 4\nTest 2: Explains the sum\nUnit test 3: Is one sentence")]
    [InlineData("[\"Returns 4\", \"Explains the sum\", \"Is one sentence\"]")]
    [InlineData("['Returns 4', 'Explains the sum', 'Is one sentence']")]
    [InlineData("Sure:\n['Returns 4',\n 'Explains the sum',\n \"Is one sentence\"]")]
    public void ListParse_CommonForms_ReadsTests(string text)
    {
        var result = UnitTestListParser.Parse(text, 3);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(["Returns 4", "Explains the sum", "Is one sentence"], result.Value);
    }

    [Fact]
    public void ListParse_OtherCountThanExact_FailsNamingBoth()
    {
        var result = UnitTestListParser.Parse("1. a\n2. b\n3. c", 2);

        Assert.Equal("expected exactly 2 unit tests, got 3", result.Error);
        Assert.Equal(3, UnitTestListParser.Parse("1. a\n2. b\n3. c", null).Value!.Count);
    }

    [Fact]
    public void ListParse_PythonQuotes_ApostropheInsideDoubleQuotes()
    {
        var result = UnitTestListParser.Parse("[\"The answer doesn't hedge\", 'The answer is 4']", 2);

        Assert.Equal(["The answer doesn't hedge", "The answer is 4"], result.Value);
    }

    [Fact]
    public void ListParse_NoList_Fails()
    {
        Assert.False(UnitTestListParser.Parse("I cannot think of any tests for this.", 5).Succeeded);
    }

    [Theory]
    [InlineData("1: PASS\n2: FAIL\n3: PASS")]
    [InlineData("Test 1 - [[PASS]]\nTest 2 - [[FAIL]]\nTest 3 - [[PASS]]")]
    [InlineData("1. Passed: mentions it\n2. Failed: it does not\n3. Passed")]
    [InlineData("[true, false, true]")]
    [InlineData("[\"pass\", \"fail\", \"PASS\"]")]
    [InlineData("PASS\nFAIL\nPASS")]
    [InlineData("1: PASS - says yes\n2: FAIL (it is true that it rhymes, but no)\n3: PASS")]
    public void VerdictParse_CommonForms_ReadsEachTest(string text)
    {
        var result = UnitTestVerdictParser.Parse(text, 3);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal([true, false, true], result.Value);
    }

    [Fact]
    public void VerdictParse_MissingTest_NamesIt()
    {
        var result = UnitTestVerdictParser.Parse("1: PASS\n3: FAIL", 3);

        Assert.False(result.Succeeded);
        Assert.Contains("check(s) 2", result.Error);
    }
}
