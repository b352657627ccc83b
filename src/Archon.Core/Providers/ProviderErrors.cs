using System.ClientModel;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Polly.Timeout;

namespace Archon.Core.Providers;

/// <summary>
/// Classifies provider failures across SDKs (OpenAI/Azure OpenAI <see cref="ClientResultException"/>, Anthropic's
/// exceptions, raw HTTP): HTTP status, whether a retry can help, and how long the server asked us to wait.
/// </summary>
public static class ProviderErrors
{
    public static int? Status(Exception ex) => ex switch
    {
        ClientResultException c when c.Status > 0 => c.Status,
        HttpRequestException { StatusCode: { } code } => (int)code,
        _ => StatusByConvention(ex),
    };

    /// <summary>429, 408, 5xx, timeouts, network errors and malformed responses are transient; other 4xx are not.</summary>
    public static bool IsTransient(Exception ex) => ex switch
    {
        _ when IsProgrammingError(ex) => false,
        TimeoutRejectedException or MalformedModelResponseException or JsonException or HttpRequestException or IOException => Status(ex) is not { } s || Retryable(s),
        _ when IsMalformedResponse(ex) => true,
        // A cancelled caller token stops Polly before it asks; what reaches here is an HTTP-level timeout.
        OperationCanceledException => true,
        _ => Status(ex) is { } status ? Retryable(status) : ex is ClientResultException || ex.GetType().Namespace?.StartsWith("Anthropic", StringComparison.Ordinal) == true && ex.InnerException is not null,
    };

    /// <summary>The server's requested wait (Retry-After seconds or date, or retry-after-ms), if it sent one.</summary>
    public static TimeSpan? RetryAfter(Exception ex, TimeProvider time)
    {
        if (ex is ClientResultException c && c.GetRawResponse() is { } response)
        {
            if (response.Headers.TryGetValue("retry-after-ms", out var ms) && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var millis))
            {
                return TimeSpan.FromMilliseconds(millis);
            }

            if (response.Headers.TryGetValue("Retry-After", out var value))
            {
                return ParseRetryAfter(value, time);
            }
        }

        return null;
    }

    public static TimeSpan? ParseRetryAfter(string? value, TimeProvider time)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(Math.Max(0, seconds));
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when)
            ? (when - time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero)
            : null;
    }

    /// <summary>A one-line description for the trace: HTTP status when known, then the provider's message.</summary>
    public static string Describe(Exception ex)
    {
        var status = Status(ex);
        var message = ex.Message.ReplaceLineEndings(" ").Trim();
        if (message.Length > 500)
        {
            message = message[..500] + "…";
        }

        if (status is { } s)
        {
            return $"HTTP {s} ({(HttpStatusCode)s}): {message}";
        }

        return IsMalformedResponse(ex) ? $"malformed response ({ex.GetType().Name}): {message}" : $"{ex.GetType().Name}: {message}";
    }

    /// <summary>
    /// SDKs that index into a response (choices[0]) or read missing fields fail with these when the provider sends a 2xx
    /// body of the wrong shape (empty choices, missing content): a malformed response, worth another attempt.
    /// </summary>
    /// <remarks>Only when an SDK threw them: the same exception types thrown by our own code are bugs, and a null
    /// dereference or an invalid cast is never read as a bad response (retrying a bug only multiplies it).</remarks>
    public static bool IsMalformedResponse(Exception ex) =>
        ex is MalformedModelResponseException or JsonException
        || ex is ArgumentOutOfRangeException or KeyNotFoundException or FormatException && ThrownByProviderSdk(ex);

    /// <summary>Null dereferences, invalid casts, array bounds, missing implementations: defects, never transient.</summary>
    public static bool IsProgrammingError(Exception ex) =>
        ex is NullReferenceException or InvalidCastException or IndexOutOfRangeException or NotImplementedException or MissingMethodException;

    private static readonly string[] SdkAssemblies = ["OpenAI", "Azure.AI.OpenAI", "Anthropic", "Microsoft.Extensions.AI", "System.ClientModel"];

    /// <summary>The first stack frame outside the runtime library belongs to a provider SDK.</summary>
    private static bool ThrownByProviderSdk(Exception ex)
    {
        var frames = new System.Diagnostics.StackTrace(ex, fNeedFileInfo: false).GetFrames();
        var first = frames.Select(f => f.GetMethod()?.DeclaringType?.Assembly.GetName().Name)
            .FirstOrDefault(name => name is not null && !name.StartsWith("System.Private", StringComparison.Ordinal)
                && !name.Equals("System.Linq", StringComparison.Ordinal) && !name.Equals("System.Collections", StringComparison.Ordinal));
        return first is not null
            && SdkAssemblies.Any(sdk => first.Equals(sdk, StringComparison.Ordinal) || first.StartsWith(sdk + ".", StringComparison.Ordinal));
    }

    private static bool Retryable(int status) => status is 408 or 409 or 429 or >= 500;

    /// <summary>SDKs without a shared base type (Anthropic) expose the status as a StatusCode property.</summary>
    private static int? StatusByConvention(Exception ex)
    {
        var property = ex.GetType().GetProperty("StatusCode") ?? ex.GetType().GetProperty("Status");
        return property?.GetValue(ex) switch
        {
            HttpStatusCode code => (int)code,
            int code when code > 0 => code,
            _ => null,
        };
    }
}
