using System.Text.Json;
using Archon.Cli.Commands;

namespace Archon.Cli.Tests.Commands;

[Collection(EmbeddedHostCollection.Name)]
public sealed class BenchLatencyCommandTests : IDisposable
{
    private readonly StringWriter output = new();

    public void Dispose() => output.Dispose();

    // The durable host adds a fixed per-activity overhead (tens of ms on a loaded 2-core machine), so it gets a latency
    // large enough that the parallel schedule beats the sequential one by far more than that overhead.
    [Theory]
    [InlineData(HostKind.InProcess, 20)]
    [InlineData(HostKind.Durable, 100)]
    public async Task Execute_Json_PrintsFiveDocumentedFieldsWithParallelSpeedup(string host, int latencyMs)
    {
        var code = await new BenchLatencyCommand(output).ExecuteAsync(null!, new BenchLatencySettings { LatencyMs = latencyMs, Runs = 1, Host = host, Json = true }, CancellationToken.None);

        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output.ToString());
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
        var code = await new BenchLatencyCommand(output).ExecuteAsync(null!, new BenchLatencySettings { LatencyMs = 5, Runs = 1, Host = HostKind.InProcess }, CancellationToken.None);

        Assert.Equal(0, code);
        var text = output.ToString();
        Assert.Contains("5 ms per call, median of 1 run(s), host inprocess", text, StringComparison.Ordinal);
        foreach (var figure in new[] { "measured", "critical path", "ratio measured / critical path", "sequential schedule", "speedup vs sequential" })
        {
            Assert.Contains(figure, text, StringComparison.Ordinal);
        }
    }
}
