using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Archon.Cli.Tests.Commands;

/// <summary>
/// The sample component plugin through `archon serve --components`: the real CLI process serves a folder architecture
/// and an inline one that use the custom type, over HTTP, on the SIMULATED fleet.
/// </summary>
public sealed partial class ServeCustomComponentTests : IAsyncLifetime
{
    private readonly DirectoryInfo dir = Directory.CreateTempSubdirectory("archon-serve-plugin-");
    private Process? process;
    private Uri baseAddress = null!;

    public async Task InitializeAsync()
    {
        var architectures = Directory.CreateDirectory(Path.Combine(dir.FullName, "architectures"));
        File.Copy(Path.Combine(TestPaths.RepoRoot, "samples", "custom-component", "majority-vote.json"), Path.Combine(architectures.FullName, "majority-vote.json"));
        var psi = new ProcessStartInfo(Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = dir.FullName,
        };
        foreach (var a in new[]
                 {
                     Path.Combine(AppContext.BaseDirectory, "archon.dll"), "serve", "--port", "0", "--architectures", architectures.FullName,
                     "--models", Path.Combine(TestPaths.RepoRoot, "catalog", "sim-fleet.json"), "--store", Path.Combine(dir.FullName, "store"),
                     "--components", Path.Combine(AppContext.BaseDirectory, "MajorityVote.dll"),
                 })
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["COLUMNS"] = "400";
        process = Process.Start(psi)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        string? line;
        while ((line = await process.StandardOutput.ReadLineAsync(timeout.Token)) is not null)
        {
            // "Serving 1 architecture(s)": the folder catalog loaded the custom-type file (it is skipped without the plugin).
            if (ServingLine().Match(line) is { Success: true } m)
            {
                baseAddress = new Uri(m.Groups["url"].Value);
                return;
            }
        }

        throw new InvalidOperationException("archon serve exited before serving: " + await process.StandardError.ReadToEndAsync(timeout.Token));
    }

    public async Task DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process?.Dispose();
        dir.Delete(recursive: true);
    }

    private async Task<JsonElement> InferAsync(string architecture)
    {
        var body = $$"""{"architecture": {{architecture}}, "messages": [{"role": "user", "content": "What is 17 * 23?"}]}""";
        using var http = Client();
        using var response = await http.PostAsync("api/inference?wait=60", new StringContent(body, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [Fact]
    public async Task Serve_FolderArchitectureWithCustomComponent_AnswersThroughTheVote()
    {
        var json = await InferAsync("\"five-samples-majority-vote\"");

        Assert.Equal("Completed", json.GetProperty("status").GetString());
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("answer").GetString()));
        Assert.Equal(5, json.GetProperty("usage").GetProperty("calls").GetInt32()); // the vote layer makes no call
        Assert.Contains("majority_vote", json.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_InlineArchitectureWithCustomComponent_ValidatedWithItsRules()
    {
        const string bad = """{"name": "bad", "layers": [[{"type": "generator", "model": "sim-frontier", "samples": 3}], [{"type": "majority_vote", "min_votes": 0}]]}""";
        var body = $$"""{"architecture": {{bad}}, "messages": [{"role": "user", "content": "2+2?"}]}""";

        using var http = Client();
        using var response = await http.PostAsync("api/inference", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("[component-rule] majority_vote: \\\"min_votes\\\" must be at least 1", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private HttpClient Client() => new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(90) };

    [GeneratedRegex(@"Serving 1 architecture\(s\) on (?<url>http://127\.0\.0\.1:\d+/)api")]
    private static partial Regex ServingLine();
}
