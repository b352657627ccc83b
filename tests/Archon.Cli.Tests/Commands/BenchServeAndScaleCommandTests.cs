using System.Text.Json;

namespace Archon.Cli.Tests.Commands;

[Collection(EmbeddedHostCollection.Name)]
public sealed class BenchServeAndScaleCommandTests
{
    [Fact]
    public async Task Serve_Json_PrintsExactlyTheSixDocumentedFields()
    {
        var result = await ArchonCli.RunAsync("bench", "serve", "--latency-ms", "5", "--requests", "5", "--concurrent-requests", "40", "--max-warmup-rounds", "1", "--json");

        Assert.True(result.Exit == 0, result.ToString());
        using var doc = JsonDocument.Parse(result.Out);
        var r = doc.RootElement;
        Assert.Equal(
            ["direct_p50_ms", "served_p50_ms", "overhead_p50_ms", "overhead_p99_ms", "served_rps_32", "direct_rps_32"],
            r.EnumerateObject().Select(p => p.Name));
        Assert.True(r.GetProperty("direct_p50_ms").GetDouble() >= 5);
        Assert.True(r.GetProperty("served_rps_32").GetDouble() > 0);
        Assert.True(r.GetProperty("direct_rps_32").GetDouble() > 0);
    }

    [Fact]
    public async Task Serve_FloorJson_AddsTheTwoProxiesAfterTheSixFields()
    {
        var result = await ArchonCli.RunAsync(
            "bench", "serve", "--floor", "--latency-ms", "5", "--requests", "5", "--concurrent-requests", "40", "--max-warmup-rounds", "1", "--json");

        Assert.True(result.Exit == 0, result.ToString());
        using var doc = JsonDocument.Parse(result.Out);
        var r = doc.RootElement;
        Assert.Equal(
            ["direct_p50_ms", "served_p50_ms", "overhead_p50_ms", "overhead_p99_ms", "served_rps_32", "direct_rps_32",
                "proxy_p50_ms", "proxy_rps_32", "storing_proxy_p50_ms", "storing_proxy_rps_32"],
            r.EnumerateObject().Select(p => p.Name));
        Assert.True(r.GetProperty("proxy_p50_ms").GetDouble() >= 5);
        Assert.True(r.GetProperty("storing_proxy_rps_32").GetDouble() > 0);
    }

    [Fact]
    public async Task Serve_InferenceDurable_MeasuresThroughTheDurableHostWithTheSameFields()
    {
        var result = await ArchonCli.RunAsync(
            "bench", "serve", "--inference", "durable", "--latency-ms", "5", "--requests", "5", "--concurrent-requests", "40", "--max-warmup-rounds", "1");

        Assert.True(result.Exit == 0, result.ToString());
        Assert.Contains("inference durable", result.Out, StringComparison.Ordinal);
        Assert.Contains("overhead p50", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchScale_Json_PrintsTheDocumentedFieldsLabelledSimulated()
    {
        var result = await ArchonCli.RunAsync("bench", "search-scale", "--candidates", "2", "--items", "3", "--batch-size", "2", "--json");

        Assert.True(result.Exit == 0, result.ToString());
        using var doc = JsonDocument.Parse(result.Out);
        var r = doc.RootElement;
        Assert.Equal(
            ["candidates", "items", "seconds", "candidate_items_per_second", "model_calls", "peak_managed_mb", "peak_rss_mb", "simulated"],
            r.EnumerateObject().Select(p => p.Name));
        Assert.Equal(2, r.GetProperty("candidates").GetInt32());
        Assert.Equal(3, r.GetProperty("items").GetInt32());
        Assert.True(r.GetProperty("simulated").GetBoolean());
        Assert.True(r.GetProperty("model_calls").GetInt64() >= 6);
    }

    [Fact]
    public async Task SearchScale_Table_SaysSimulated()
    {
        var result = await ArchonCli.RunAsync("bench", "search-scale", "--candidates", "1", "--items", "2", "--batch-size", "1");

        Assert.True(result.Exit == 0, result.ToString());
        Assert.Contains("SIMULATED", result.Out, StringComparison.Ordinal);
        Assert.Contains("candidate-items / s", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("search-scale", "--candidates", "0", "--candidates")]
    [InlineData("search-scale", "--items", "-1", "--items")]
    [InlineData("search-scale", "--batch-size", "0", "--batch-size")]
    [InlineData("serve", "--requests", "0", "--requests")]
    [InlineData("serve", "--concurrent-requests", "0", "--concurrent-requests")]
    [InlineData("serve", "--latency-ms", "-5", "--latency-ms")]
    [InlineData("serve", "--inference", "sideways", "--inference")]
    [InlineData("serve", "--inference", "1", "--inference")]
    public async Task BadOption_FailsNamingIt(string bench, string option, string value, string named)
    {
        var result = await ArchonCli.RunAsync("bench", bench, option, value, "--json");

        Assert.NotEqual(0, result.Exit);
        Assert.Contains(named, result.Out + result.Error, StringComparison.Ordinal);
    }
}
