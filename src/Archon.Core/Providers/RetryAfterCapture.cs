using System.Runtime.CompilerServices;

namespace Archon.Core.Providers;

/// <summary>
/// Carries a Retry-After seen at the HTTP layer up to <see cref="ArchonResilienceChatClient"/> for SDKs whose
/// exceptions do not expose response headers (Anthropic). The resilience client opens a box per call in an
/// AsyncLocal; <see cref="Handler"/>, installed in the SDK's HttpClient, fills it when a response asks us to wait.
/// </summary>
public static class RetryAfterCapture
{
    private static readonly AsyncLocal<StrongBox<TimeSpan?>?> Current = new();

    /// <summary>Starts capturing for the current call; the box sees every attempt made below this point.</summary>
    public static StrongBox<TimeSpan?> Begin()
    {
        var box = new StrongBox<TimeSpan?>();
        Current.Value = box;
        return box;
    }

    /// <summary>An HTTP handler that records Retry-After of 429 and 5xx responses into the current box.</summary>
    public sealed class Handler(HttpMessageHandler inner, TimeProvider time) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (Current.Value is { } box && ((int)response.StatusCode == 429 || (int)response.StatusCode >= 500))
            {
                box.Value = response.Headers.RetryAfter switch
                {
                    { Delta: { } delta } => delta,
                    { Date: { } date } => date - time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
                    _ => null,
                };
            }

            return response;
        }
    }
}
