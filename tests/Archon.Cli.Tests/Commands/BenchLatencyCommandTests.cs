using System.Text.Json;
using Archon.Cli.Commands;

namespace Archon.Cli.Tests.Commands;

[Collection(EmbeddedHostCollection.Name)]
public sealed class BenchLatencyCommandTests
{
    // The durable host adds a fixed per-activity overhead (tens of ms on a loaded 2-core machine), so it gets a latency
    // large enough that the parallel schedule beats the sequential one by far more than that overhead.
    [Theory]
    [InlineData(HostKind.InProcess, 20)]
    [InlineData(HostKind.Durable, 100)]
    public async Task Execute_Json_PrintsTheDocumentedFieldsAndLayerSpans(string host, int latencyMs)
    {
        var result = await ArchonCli.RunAsync(
            "bench", "latency", "--latency-ms", latencyMs.ToString(System.Globalization.CultureInfo.InvariantCulture), "--runs", "1", "--max-warmup-runs", "2",
            "--host", host, "--json");

        Assert.True(result.Exit == 0, result.ToString());
        using var doc = JsonDocument.Parse(result.Out);
        var names = doc.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(
            ["measured_ms", "critical_path_ms", "ratio", "sequential_ms", "speedup_vs_sequential", "calls", "architecture", "waves", "max_concurrency", "host",
                "layers", "warmup_runs"],
            names);
        Assert.InRange(doc.RootElement.GetProperty("warmup_runs").GetInt32(), 1, 2);
        var r = doc.RootElement;
        Assert.True(r.GetProperty("ratio").GetDouble() > 0, result.Out);
        Assert.True(r.GetProperty("speedup_vs_sequential").GetDouble() > 0, result.Out);
        // 4 layers of one wave each: the bound and the sequential schedule follow from the configured latency.
        Assert.Equal(4 * latencyMs, r.GetProperty("critical_path_ms").GetDouble());
        Assert.Equal(11, r.GetProperty("calls").GetInt32());
        Assert.Equal(host, r.GetProperty("host").GetString());
        Assert.True(r.GetProperty("sequential_ms").GetDouble() > r.GetProperty("critical_path_ms").GetDouble());
        // One span per layer, in order, each at least one call long and starting after the previous one ended.
        var spans = r.GetProperty("layers").EnumerateArray().ToList();
        Assert.Equal([0, 1, 2, 3], spans.Select(l => l.GetProperty("layer").GetInt32()));
        Assert.Equal(11, spans.Sum(l => l.GetProperty("calls").GetInt32()));
        static double Ms(JsonElement span, string name) => span.GetProperty(name).GetDouble();
        // Tolerances: the loopback's Task.Delay was seen to end 1.3 ms before its 20 ms (timer ticks), and spans are rounded.
        Assert.All(spans, l => Assert.True(Ms(l, "last_end_ms") - Ms(l, "first_start_ms") >= latencyMs * 0.85, l.ToString()));
        Assert.All(spans.Zip(spans.Skip(1)), p => Assert.True(Ms(p.Second, "first_start_ms") >= Ms(p.First, "last_end_ms") - 2, $"{p.First} then {p.Second}"));
        // No timing bound on the parallel speedup here (timed assertions belong in benches): the embedded host was seen to
        // stall an activity's dispatch by 0.7-1.1 s in about 1 of 10 short runs, which stretches any one run. That the
        // generators overlap is tested with a barrier in InferenceOrchestrationTests.
    }

    [Fact]
    public async Task Execute_FloorJson_AddsTheClientFloorOfTheSameCalls()
    {
        var result = await ArchonCli.RunAsync(
            "bench", "latency", "--floor", "--latency-ms", "20", "--runs", "1", "--max-warmup-runs", "1", "--host", HostKind.InProcess, "--json");

        Assert.True(result.Exit == 0, result.ToString());
        using var doc = JsonDocument.Parse(result.Out);
        var r = doc.RootElement;
        var floorMs = r.GetProperty("client_floor_ms").GetDouble();
        // The fixed architecture's 11 calls in 4 stages of 20 ms: the SDK alone cannot beat the critical path.
        Assert.True(floorMs >= 0.85 * r.GetProperty("critical_path_ms").GetDouble(), result.Out);
        Assert.Equal(Math.Round(floorMs / r.GetProperty("critical_path_ms").GetDouble(), 3), r.GetProperty("client_floor_ratio").GetDouble());
    }

    [Fact]
    public async Task Execute_Table_NamesEveryFigure()
    {
        var result = await ArchonCli.RunAsync("bench", "latency", "--latency-ms", "5", "--runs", "1", "--max-warmup-runs", "1", "--host", HostKind.InProcess);

        Assert.True(result.Exit == 0, result.ToString());
        var text = result.Out;
        Assert.Contains("5 ms per call, median of 1 run(s) after 1 warm-up run(s), host inprocess", text, StringComparison.Ordinal);
        foreach (var figure in new[] { "measured", "critical path", "ratio measured / critical path", "sequential schedule", "speedup vs sequential" })
        {
            Assert.Contains(figure, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Execute_ArchitectureFile_MeasuresItsCallsUnderTheCap()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bench-arch-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, """
            { "name": "five-samples-then-fuser", "layers": [
              [ { "type": "generator", "model": "bench/g", "samples": 5 } ],
              [ { "type": "fuser", "model": "bench/f" } ] ] }
            """);
        try
        {
            var result = await ArchonCli.RunAsync(
                "bench", "latency", "-a", path, "--latency-ms", "5", "--max-concurrency", "2", "--runs", "1", "--max-warmup-runs", "1",
                "--host", HostKind.InProcess, "--json");

            Assert.True(result.Exit == 0, result.ToString());
            using var doc = JsonDocument.Parse(result.Out);
            var r = doc.RootElement;
            Assert.Equal("five-samples-then-fuser", r.GetProperty("architecture").GetString());
            Assert.Equal(6, r.GetProperty("calls").GetInt32());
            // Cap 2: five samples take three waves, the fuser one more.
            Assert.Equal(4, r.GetProperty("waves").GetInt32());
            Assert.Equal(2, r.GetProperty("max_concurrency").GetInt32());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("--max-concurrency", "0", "--max-concurrency")]
    [InlineData("--latency-ms", "0", "--latency-ms")]
    [InlineData("--runs", "0", "--runs")]
    [InlineData("--max-warmup-runs", "0", "--max-warmup-runs")]
    [InlineData("--host", "cloud", "--host")]
    public async Task Execute_BadOption_FailsNamingIt(string option, string value, string named)
    {
        var result = await ArchonCli.RunAsync("bench", "latency", option, value, "--json");

        Assert.NotEqual(0, result.Exit);
        Assert.Contains(named, result.Out + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_MissingArchitectureFile_OneErrorLineNamingTheOption()
    {
        var result = await ArchonCli.RunAsync("bench", "latency", "-a", "no-such-architecture-file.json", "--json");

        Assert.Equal(2, result.Exit);
        Assert.Equal("", result.Out);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("error: --architecture: architecture \"no-such-architecture-file.json\" not found", line, StringComparison.Ordinal);
    }
}
