using System.Text.Json;
using Archon.Core.Architecture;
using Archon.Core.Search;

namespace Archon.Core.Tests.Search;

public sealed class PrefixKeyTests
{
    // A custom component's own keys (e.g. majority_vote's min_votes) arrive in Extra; two prefixes that differ only
    // there must not share computed state.
    [Fact]
    public void For_ComponentsDifferOnlyInCustomKey_KeysDiffer()
    {
        var a = Architecture(Extra("min_votes", "2"));
        var b = Architecture(Extra("min_votes", "3"));

        Assert.NotEqual(PrefixKey.For(a, 2), PrefixKey.For(b, 2));
        Assert.Equal(PrefixKey.For(a, 1), PrefixKey.For(b, 1));
    }

    [Fact]
    public void For_CustomKeysInAnotherOrder_KeysMatch()
    {
        var a = Architecture(new Dictionary<string, JsonElement> { ["x"] = Json("1"), ["y"] = Json("2") });
        var b = Architecture(new Dictionary<string, JsonElement> { ["y"] = Json("2"), ["x"] = Json("1") });

        Assert.Equal(PrefixKey.For(a, 2), PrefixKey.For(b, 2));
    }

    private static ArchitectureConfig Architecture(IReadOnlyDictionary<string, JsonElement> extra) => new()
    {
        Name = "prefix-test",
        Layers =
        [
            new LayerConfig([new ComponentConfig { Type = "generator", Model = "m", Samples = 3 }]),
            new LayerConfig([new ComponentConfig { Type = "majority_vote", Extra = extra }]),
        ],
    };

    private static Dictionary<string, JsonElement> Extra(string key, string json) => new() { [key] = Json(json) };

    private static JsonElement Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
