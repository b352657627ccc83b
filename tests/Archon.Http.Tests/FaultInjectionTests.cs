using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Archon.Offline.Loopback;
using Xunit.Abstractions;

namespace Archon.Http.Tests;

/// <summary>
/// Provider faults through the durable path: `archon serve`'s server, embedded Durable host, model-call activities,
/// the real provider stack, and a loopback endpoint that injects 429 (Retry-After), 500, slow replies past the
/// timeout, malformed JSON, empty content and dropped connections at a seeded rate.
/// </summary>
public sealed class FaultInjectionTests(ITestOutputHelper output)
{
    private const int Requests = 16;

    private static readonly Archon.Core.Architecture.ArchitectureConfig Architecture = TestArchitectures.Arch(
        "three-gen-fuse",
        [TestArchitectures.C("generator", "model-a"), TestArchitectures.C("generator", "model-b"), TestArchitectures.C("generator", "model-c")],
        [TestArchitectures.C("fuser", "model-f")]);

    private static async Task<(HttpStatusCode Status, string Text, double Ms)> CompleteAsync(HttpClient http, int i)
    {
        var body = $$"""{"model":"three-gen-fuse","messages":[{"role":"user","content":"Question {{i.ToString(CultureInfo.InvariantCulture)}}: what is {{i.ToString(CultureInfo.InvariantCulture)}} squared?"}]}""";
        var watch = Stopwatch.StartNew();
        using var response = await http.PostAsync("api/v1/chat/completions", new StringContent(body, Encoding.UTF8, "application/json"));
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var text = response.StatusCode == HttpStatusCode.OK
            ? json.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString()!
            : json.GetProperty("error").GetProperty("message").GetString()!;
        return (response.StatusCode, text, watch.Elapsed.TotalMilliseconds);
    }

    private static Task<(HttpStatusCode Status, string Text, double Ms)[]> RunAllAsync(HttpClient http) =>
        Task.WhenAll(Enumerable.Range(0, Requests).Select(i => CompleteAsync(http, i)));

    private static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted[(int)Math.Clamp(Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    [Fact]
    public async Task ChatCompletions_TwentyPercentFaults_EveryRequestAnswersTheFaultFreeAnswerOrNamesTheProviderError()
    {
        // The attempt timeout is generous so that only the injected slow replies (60 s) time out on a loaded machine.
        var faults = new LoopbackFaultOptions { Rate = 0.2, Seed = 14, RetryAfter = TimeSpan.FromMilliseconds(20), SlowDelay = TimeSpan.FromSeconds(60) };
        await using var server = await FaultyLoopbackApiServer.StartAsync(faults, Architecture, timeoutSeconds: 5);

        server.Faults.Enabled = false;
        // Warm-up (JIT, Durable host, connection pools) so the latency figures compare like with like.
        Assert.Equal(HttpStatusCode.OK, (await CompleteAsync(server.Http, 999)).Status);
        var warmup = server.Faults.Requests;
        var reference = await RunAllAsync(server.Http);
        var referenceRequests = server.Faults.Requests - warmup;
        server.Faults.Enabled = true;
        var faulty = await RunAllAsync(server.Http);
        var faultyRequests = server.Faults.Requests - referenceRequests - warmup;

        Assert.All(reference, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        // Four planned calls per request; every model request beyond those is a retry.
        const int planned = Requests * 4;
        Assert.True(referenceRequests >= planned, $"fault-free run made {referenceRequests} model requests, fewer than the {planned} planned calls");
        Assert.Equal(Requests, faulty.Length);
        var identical = 0;
        for (var i = 0; i < Requests; i++)
        {
            var r = faulty[i];
            if (r.Status == HttpStatusCode.OK)
            {
                Assert.Equal(reference[i].Text, r.Text);
                identical++;
            }
            else
            {
                Assert.True(r.Status is HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout, $"request {i}: {(int)r.Status} {r.Text}");
                Assert.Matches("HTTP [0-9]{3}|malformed response|Timeout|HttpRequestException|IOException", r.Text);
            }
        }

        var injected = server.Faults.Injected;
        Assert.True(server.Faults.InjectedTotal > 0, "no fault was injected");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"requests {Requests}: {identical} answered 200 identical to the fault-free run, {Requests - identical} 502/504; model requests {faultyRequests} " +
            $"for {planned} planned calls, so {faultyRequests - planned} retries (fault-free run: {referenceRequests - planned}); injected {server.Faults.InjectedTotal}: " +
            $"{string.Join(", ", injected.OrderBy(k => k.Key).Select(k => $"{k.Key} {k.Value}"))}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"latency fault-free p50 {Percentile(reference.Select(r => r.Ms), 0.5):0} ms p95 {Percentile(reference.Select(r => r.Ms), 0.95):0} ms; " +
            $"with faults p50 {Percentile(faulty.Select(r => r.Ms), 0.5):0} ms p95 {Percentile(faulty.Select(r => r.Ms), 0.95):0} ms"));
    }

    [Fact]
    public async Task ChatCompletions_EveryCallFails_Returns502NamingTheProviderError()
    {
        var faults = new LoopbackFaultOptions { Rate = 1, Seed = 3, Kinds = [LoopbackFaultKind.ServerError] };
        await using var server = await FaultyLoopbackApiServer.StartAsync(faults, Architecture, maxRetries: 1);

        var (status, text, _) = await CompleteAsync(server.Http, 1);

        Assert.Equal(HttpStatusCode.BadGateway, status);
        Assert.Contains("HTTP 500", text, StringComparison.Ordinal);
        Assert.Contains("injected fault: internal error", text, StringComparison.Ordinal);
    }
}
