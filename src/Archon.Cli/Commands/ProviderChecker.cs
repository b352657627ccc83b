using Archon.Core.Providers;

namespace Archon.Cli.Commands;

/// <summary>
/// Checks catalog entries without calling a model: is the API-key variable set, is the endpoint a well-formed URL,
/// and does the endpoint answer a cheap unauthenticated GET within a short timeout. Any HTTP status counts as
/// reachable (a 401 proves the server is there); the key is never sent. Each distinct URL is probed once.
/// </summary>
/// <param name="timeProvider">Clock of the probe timeout and latency (tests pass a fake one and advance it).</param>
internal sealed class ProviderChecker(HttpClient http, Func<string, string?> getEnvironmentVariable, TimeSpan timeout, TimeProvider? timeProvider = null)
{
    // Public endpoints used when an entry leaves Endpoint empty (mirrors the providers' own defaults).
    private const string OpenAiDefault = "https://api.openai.com/v1";
    private const string AnthropicDefault = "https://api.anthropic.com";

    /// <summary>Providers Archon's client factory and simulator know.</summary>
    public static readonly IReadOnlyList<string> KnownProviders = ["azure-openai", "openai", "openai-compatible", "anthropic", "loopback", "sim"];

    public async Task<IReadOnlyList<ModelCheck>> CheckAsync(IEnumerable<ModelEntry> entries, bool probe, CancellationToken ct)
    {
        var checks = entries.Select(CheckConfiguration).ToList();
        if (!probe)
        {
            return checks.Select(c => c.ProbeUrl is null ? c : c with { Reachability = CheckOutcome.Skipped("not probed (--offline)") }).ToList();
        }

        var probes = checks
            .Where(c => c.ProbeUrl is not null)
            .Select(c => c.ProbeUrl!)
            .Distinct(StringComparer.Ordinal)
            .ToDictionary(url => url, url => ProbeAsync(url, ct), StringComparer.Ordinal);
        await Task.WhenAll(probes.Values).ConfigureAwait(false);

        return checks.Select(c => c.ProbeUrl is null ? c : c with { Reachability = probes[c.ProbeUrl].Result }).ToList();
    }

    internal ModelCheck CheckConfiguration(ModelEntry entry)
    {
        var provider = entry.Provider.Trim().ToLowerInvariant();
        var credentials = CheckCredentials(entry, provider);
        switch (provider)
        {
            case "sim":
                return new ModelCheck(entry, null, credentials, CheckOutcome.Ok("built-in simulator (SIMULATED)"), CheckOutcome.Skipped("in-process"));
            case "loopback":
                return new ModelCheck(entry, null, credentials, CheckOutcome.Ok("in-process loopback (canned replies)"), CheckOutcome.Skipped("in-process"));
            case not ("openai" or "anthropic" or "openai-compatible" or "azure-openai"):
                return new ModelCheck(entry, null, credentials,
                    CheckOutcome.Failed($"unknown provider \"{entry.Provider}\" (built in: {string.Join(", ", KnownProviders)})"), CheckOutcome.Skipped("unknown provider"));
        }

        var (endpoint, probePath) = provider switch
        {
            "openai" => (entry.Endpoint ?? OpenAiDefault, "/models"),
            "anthropic" => (entry.Endpoint ?? AnthropicDefault, "/v1/models"),
            "openai-compatible" => (entry.Endpoint, "/models"),
            _ => (entry.Endpoint, ""),
        };

        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return new ModelCheck(entry, null, credentials, CheckOutcome.Failed($"endpoint missing: required for {provider}"), CheckOutcome.Skipped("no endpoint"));
        }

        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || string.IsNullOrEmpty(uri.Host))
        {
            return new ModelCheck(entry, null, credentials,
                CheckOutcome.Failed($"'{endpoint}' is not an absolute http(s) URL"), CheckOutcome.Skipped("bad endpoint"));
        }

        var detail = provider == "azure-openai" ? $"{uri.GetLeftPart(UriPartial.Authority)} → {entry.Deployment ?? entry.ModelName}" : endpoint;
        var probeUrl = uri.GetLeftPart(UriPartial.Path).TrimEnd('/') + probePath;
        return new ModelCheck(entry, probeUrl, credentials, CheckOutcome.Ok(detail), CheckOutcome.Skipped("not probed"));
    }

    private CheckOutcome CheckCredentials(ModelEntry entry, string provider)
    {
        if (provider is "sim" or "loopback")
        {
            return CheckOutcome.Ok("none needed");
        }

        if (!string.IsNullOrWhiteSpace(entry.ApiKeyEnv))
        {
            return string.IsNullOrEmpty(getEnvironmentVariable(entry.ApiKeyEnv))
                ? CheckOutcome.Failed($"{entry.ApiKeyEnv} not set")
                : CheckOutcome.Ok($"{entry.ApiKeyEnv} set");
        }

        return provider switch
        {
            "azure-openai" => CheckOutcome.Ok("Entra ID (DefaultAzureCredential)"),
            "openai" or "anthropic" => CheckOutcome.Failed("apiKeyEnv missing in the catalog"),
            _ => CheckOutcome.Ok("no key configured"),
        };
    }

    private async Task<CheckOutcome> ProbeAsync(string url, CancellationToken ct)
    {
        var clock = timeProvider ?? TimeProvider.System;
        using var timeoutCts = new CancellationTokenSource(timeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeoutCts.Token);
        var started = clock.GetTimestamp();
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            var ms = (int)clock.GetElapsedTime(started).TotalMilliseconds;
            return CheckOutcome.Ok($"HTTP {(int)response.StatusCode} in {ms} ms");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return CheckOutcome.Failed($"unreachable: no answer within {timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException ex)
        {
            return CheckOutcome.Failed($"unreachable: {ex.HttpRequestError switch
            {
                HttpRequestError.NameResolutionError => "host name not found",
                HttpRequestError.ConnectionError => "connection refused or failed",
                HttpRequestError.SecureConnectionError => "TLS handshake failed",
                _ => ex.Message,
            }}");
        }
    }
}
