using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Polly;
using Polly.Retry;

namespace Archon.Core.Providers;

/// <summary>
/// Streaming: the same retry policy applies until the first update arrives (opening the stream, 429/5xx, a first
/// token that takes longer than the attempt timeout). Once tokens have been handed to the caller a failure is not
/// retried here, since the caller has already used them; it surfaces as the call's error. The retry count rides on
/// the first update's <see cref="CallMetadata.Retries"/>.
/// </summary>
public sealed partial class ArchonResilienceChatClient
{
    private static readonly ResiliencePropertyKey<int> StreamRetriesKey = new(CallMetadata.Retries + ".stream");

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var list = messages as IList<ChatMessage> ?? messages.ToList();
        var (stream, first, attempt, retries) = await OpenAsync(list, options, cancellationToken);
        using (attempt)
        {
            await using (stream)
            {
                first.AdditionalProperties ??= [];
                first.AdditionalProperties[CallMetadata.Retries] = retries;
                yield return first;
                while (await stream.MoveNextAsync())
                {
                    yield return stream.Current;
                }
            }
        }
    }

    private async Task<(IAsyncEnumerator<ChatResponseUpdate> Stream, ChatResponseUpdate First, CancellationTokenSource Attempt, int Retries)> OpenAsync(
        IList<ChatMessage> list, ChatOptions? options, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            var opened = await streamOpenPipeline.ExecuteAsync(
                async (ctx, state) =>
                {
                    // The attempt token must outlive this callback (the caller keeps reading the stream), so the
                    // first-token timeout is our own source, disarmed once the first update is in.
                    var attempt = CancellationTokenSource.CreateLinkedTokenSource(ctx.CancellationToken);
                    attempt.CancelAfter(state.Timeout);
                    var stream = state.Inner.GetStreamingResponseAsync(state.List, state.Options, attempt.Token).GetAsyncEnumerator(attempt.Token);
                    try
                    {
                        if (!await stream.MoveNextAsync())
                        {
                            throw new MalformedModelResponseException("the provider's stream ended without any update");
                        }

                        attempt.CancelAfter(Timeout.InfiniteTimeSpan);
                        return (stream, stream.Current, attempt);
                    }
                    catch (OperationCanceledException) when (!ctx.CancellationToken.IsCancellationRequested)
                    {
                        await stream.DisposeAsync();
                        attempt.Dispose();
                        throw new TimeoutException($"no first token within {state.Timeout.TotalSeconds:0.#} s");
                    }
                    catch
                    {
                        await stream.DisposeAsync();
                        attempt.Dispose();
                        throw;
                    }
                },
                context,
                (Inner: InnerClient, List: list, Options: options, Timeout: attemptTimeout));
            return (opened.stream, opened.Item2, opened.attempt, context.Properties.GetValue(StreamRetriesKey, 0));
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            ex.Data[CallMetadata.Retries] = context.Properties.GetValue(StreamRetriesKey, 0);
            throw;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static ResiliencePipeline BuildStreamOpenPipeline(ArchonResilienceOptions options)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = options.TimeProvider };
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is TimeoutException || (args.Outcome.Exception is { } ex && ProviderErrors.IsTransient(ex))),
                DelayGenerator = args =>
                {
                    var wait = args.Outcome.Exception is { } ex ? ProviderErrors.RetryAfter(ex, options.TimeProvider) : null;
                    return ValueTask.FromResult(wait is { } w ? (TimeSpan?)(w > options.MaxRetryAfter ? options.MaxRetryAfter : w) : null);
                },
                OnRetry = args =>
                {
                    args.Context.Properties.Set(StreamRetriesKey, args.Context.Properties.GetValue(StreamRetriesKey, 0) + 1);
                    return ValueTask.CompletedTask;
                },
            });
        }

        return builder.Build();
    }
}
