using System.Text.Json.Nodes;
using Archon.Core.Prompts;

namespace Archon.Core.Tests.Components;

public sealed class PromptPackTests
{
    private static JsonObject DefaultJson() => JsonNode.Parse(PromptPackLoader.DefaultJson())!.AsObject();

    private static string Mutate(Action<JsonObject> change)
    {
        var json = DefaultJson();
        change(json["stages"]!.AsObject());
        return json.ToJsonString();
    }

    [Fact]
    public void Default_EmbeddedPack_DefinesEveryStageAndHasAnId()
    {
        var pack = PromptPack.Default;

        Assert.Equal(PromptStages.All.Select(s => s.Name).Order(), pack.Templates.Keys.Order());
        Assert.Equal($"{pack.Name}@{pack.Version}", pack.Id);
        Assert.Matches(@"^archon-net-default@\d+$", pack.Id);
    }

    [Fact]
    public void Parse_ExportedDefault_RoundTripsToTheSameTexts()
    {
        var pack = PromptPackLoader.Parse(PromptPackLoader.DefaultJson(), "exported.json");

        Assert.All(PromptStages.All, s => Assert.Equal(PromptPack.Default.Templates[s.Name].Text, pack.Templates[s.Name].Text));
    }

    [Fact]
    public void Parse_MissingRequiredPlaceholder_NamesFileStageAndPlaceholder()
    {
        var json = Mutate(s => s["ranker.user"] = "Rank these for {query}.");

        var ex = Assert.Throws<PromptPackException>(() => PromptPackLoader.Parse(json, "my-pack.json"));

        Assert.Contains("my-pack.json", ex.Message, StringComparison.Ordinal);
        Assert.Contains("stage \"ranker.user\": missing placeholder {candidates}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownStageAndUnknownPlaceholder_BothReported()
    {
        var json = Mutate(s =>
        {
            s["ranker.usr"] = "x";
            s["critic.system"] = "You review {candidates}.";
        });

        var ex = Assert.Throws<PromptPackException>(() => PromptPackLoader.Parse(json, "p.json"));

        Assert.Contains("stage \"ranker.usr\": unknown stage (did you mean \"ranker.user\"?)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("stage \"critic.system\": unknown placeholder {candidates} (this stage fills none)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingStageAndNoVersion_Reported()
    {
        var json = DefaultJson();
        json["stages"]!.AsObject().Remove("retry.user");
        json.Remove("version");

        var ex = Assert.Throws<PromptPackException>(() => PromptPackLoader.Parse(json.ToJsonString(), "p.json"));

        Assert.Contains("stage \"retry.user\" is missing", ex.Message, StringComparison.Ordinal);
        Assert.Contains("\"version\" is missing", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MalformedPlaceholder_Reported_LiteralBracesAllowed()
    {
        var bad = Mutate(s => s["fuser.system"] = "Merge {the answers");
        var ok = Mutate(s => s["fuser.system"] = "Reply as JSON {{\"answer\": ...}}");

        Assert.Contains("malformed placeholder", Assert.Throws<PromptPackException>(() => PromptPackLoader.Parse(bad, "p.json")).Message, StringComparison.Ordinal);
        Assert.Equal("Reply as JSON {\"answer\": ...}", PromptPackLoader.Parse(ok, "p.json").Text(PromptStages.FuserSystem));
    }

    [Fact]
    public void Load_MissingFile_ClearError()
    {
        var ex = Assert.Throws<PromptPackException>(() => PromptPackLoader.Load("/nonexistent/pack.json"));

        Assert.Equal("/nonexistent/pack.json: prompt pack file not found", ex.Message);
    }
}
