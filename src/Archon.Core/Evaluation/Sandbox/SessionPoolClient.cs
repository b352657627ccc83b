using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Azure.Core;

namespace Archon.Core.Evaluation.Sandbox;

/// <summary>
/// Data-plane client of an Azure Container Apps dynamic-sessions pool (Python code interpreter):
/// <c>POST {endpoint}/executions?api-version=…&amp;identifier={session}</c> with an Entra bearer token for
/// <c>https://dynamicsessions.io/.default</c> and body <c>{codeInputType: Inline, executionType: Synchronous, code,
/// timeoutInSeconds}</c>; the reply carries <c>status</c> and <c>result.stdout/stderr/executionResult</c>. A session
/// is created by the first request that names its identifier.
/// </summary>
public sealed class SessionPoolClient : IDisposable
{
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);
    private readonly SessionPoolOptions _options;
    private readonly TokenCredential _credential;
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _tokenLock = new(1, 1);
    private AccessToken _token;

    public SessionPoolClient(SessionPoolOptions options, TokenCredential credential, HttpClient? http = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems();
        if (problems.Count > 0) { throw new ArgumentException(string.Join(" ", problems)); }
        _options = options;
        _credential = credential ?? throw new ArgumentNullException(nameof(credential));
        _ownsHttp = http is null;
        _http = http ?? new HttpClient();
        _time = time ?? TimeProvider.System;
    }

    public SessionPoolOptions Options => _options;

    public async Task<SessionExecution> ExecuteAsync(string sessionId, string code, int timeoutSeconds, CancellationToken cancellationToken)
    {
        var uri = new Uri($"{_options.Endpoint!.AbsoluteUri.TrimEnd('/')}/executions?api-version={Uri.EscapeDataString(_options.ApiVersion)}" +
            $"&identifier={Uri.EscapeDataString(sessionId)}");
        var body = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["codeInputType"] = "Inline",
            ["executionType"] = "Synchronous",
            ["code"] = code,
            ["timeoutInSeconds"] = timeoutSeconds,
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(cancellationToken));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.RequestTimeout);
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The session pool did not answer within {_options.RequestTimeout.TotalSeconds:0} s ({uri.Host}).");
        }
        catch (HttpRequestException ex)
        {
            throw new SessionPoolException($"The session pool at {uri.Host} is unreachable: {ex.Message}", ex);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new SessionPoolException($"The session pool answered {(int)response.StatusCode} {response.ReasonPhrase}: {Short(text)}" +
                    (response.StatusCode is System.Net.HttpStatusCode.Unauthorized or System.Net.HttpStatusCode.Forbidden
                        ? " (the app's identity needs the 'Azure ContainerApps Session Executor' role on the pool)" : ""));
            }

            return Parse(text);
        }
    }

    public void Dispose()
    {
        _tokenLock.Dispose();
        if (_ownsHttp) { _http.Dispose(); }
    }

    internal static SessionExecution Parse(string text)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            var root = doc.RootElement;
            // 2024-02-02-preview wraps everything in "properties"; later versions put stdout/stderr under "result".
            var holder = root.TryGetProperty("properties", out var props) ? props : root;
            var status = holder.TryGetProperty("status", out var s) ? s.GetString() ?? "" : "";
            var result = holder.TryGetProperty("result", out var r) && r.ValueKind == JsonValueKind.Object ? r : holder;
            string? Str(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText() : null;
            return new SessionExecution(status, Str(result, "stdout") ?? "", Str(result, "stderr") ?? "", Str(result, "executionResult") ?? Str(result, "result"));
        }
        catch (JsonException ex)
        {
            throw new SessionPoolException($"The session pool answered something that is not JSON: {Short(text)}", ex);
        }
    }

    private async Task<string> TokenAsync(CancellationToken cancellationToken)
    {
        await _tokenLock.WaitAsync(cancellationToken);
        try
        {
            if (_token.Token is null || _token.ExpiresOn - _time.GetUtcNow() < RefreshMargin)
            {
                try
                {
                    _token = await _credential.GetTokenAsync(new TokenRequestContext([_options.TokenScope]), cancellationToken);
                }
                catch (Exception ex) when (ex is Azure.Identity.AuthenticationFailedException or Azure.Identity.CredentialUnavailableException)
                {
                    throw new SessionPoolException($"Could not get an Entra token for {_options.TokenScope}: {ex.Message}", ex);
                }
            }

            return _token.Token;
        }
        finally
        {
            _tokenLock.Release();
        }
    }

    private static string Short(string s) => s.Length > 300 ? s[..300] + "…" : s;
}
