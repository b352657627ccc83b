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
    public async Task Execute_Json_PrintsFiveDocumentedFieldsWithParallelSpeedup(string host, int latencyMs)
    {
        var result = await ArchonCli.RunAsync("bench", "latency", "--latency-ms", latencyMs.ToString(System.Globalization.CultureInfo.InvariantCulture), "--runs", "1", "--host", host, "--json");

        Assert.True(result.Exit == 0, result.ToString());
        using var doc = JsonDocument.Parse(result.Out);
        var names = doc.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["measured_ms", "critical_path_ms", "ratio", "sequential_ms", "speedup_vs_sequential"], names);
        var r = doc.RootElement;
        Assert.True(r.GetProperty("ratio").GetDouble() > 0);
        Assert.True(r.GetProperty("speedup_vs_sequential").GetDouble() > 1);
        // 4 layers of at least latencyMs each: the bound and the sequential schedule follow from the configured latency.
        Assert.True(r.GetProperty("critical_path_ms").GetDouble() >= 4 * latencyMs);
        Assert.True(r.GetProperty("sequential_ms").GetDouble() > r.GetProperty("critical_path_ms").GetDouble());
    }

    [Fact]
    public async Task Execute_Table_NamesEveryFigure()
    {
        var result = await ArchonCli.RunAsync("bench", "latency", "--latency-ms", "5", "--runs", "1", "--host", HostKind.InProcess);

        Assert.True(result.Exit == 0, result.ToString());
        var text = result.Out;
        Assert.Contains("5 ms per call, median of 1 run(s), host inprocess", text, StringComparison.Ordinal);
        foreach (var figure in new[] { "measured", "critical path", "ratio measured / critical path", "sequential schedule", "speedup vs sequential" })
        {
            Assert.Contains(figure, text, StringComparison.Ordinal);
        }
    }
}
