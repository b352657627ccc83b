using System.Security.Cryptography;
using System.Text;
using Archon.Core.Execution;

namespace Archon.Core.Search.Execution;

/// <summary>
/// Search-wide response cache in front of the model invoker. The key is the request's content (model, messages,
/// temperature, max tokens, sample index, role) — not its call id — so "generator m, sample j, item i" is one call for
/// every candidate that contains it. Cached results keep their original cost and latency (the architecture's cost is
/// what it would cost to run), and count as hits. Failed calls are not cached.
/// </summary>
public sealed class CachingModelInvoker(IModelInvoker inner, ISearchCache cache) : IModelInvoker
{
    private int _requested;
    private int _forwarded;

    public int Requested => _requested;

    /// <summary>Calls that reached the model (cache misses).</summary>
    public int Forwarded => _forwarded;

    public async Task<ModelCallResult> InvokeAsync(ModelCallRequest request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requested);
        var key = "response/" + Key(request);
        if (SearchJson.FromBytes<ModelCallResult>(await cache.GetAsync(key, cancellationToken).ConfigureAwait(false)) is { } hit)
        {
            return hit with { CallId = request.CallId, Cached = true };
        }

        Interlocked.Increment(ref _forwarded);
        var result = await inner.InvokeAsync(request, cancellationToken).ConfigureAwait(false);
        if (result.Succeeded)
        {
            await cache.PutAsync(key, SearchJson.ToBytes(result), cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    public static string Key(ModelCallRequest r)
    {
        var text = new StringBuilder();
        text.Append(FormattableString.Invariant($"{r.ModelId}|{r.Temperature:R}|{r.MaxTokens}|{r.SampleIndex}|{r.Role}|{r.ItemId}|{r.PromptPack}|"));
        foreach (var turn in r.Messages)
        {
            text.Append(turn.Role).Append('\u001f').Append(turn.Content).Append('\u001e');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..40];
    }
}
