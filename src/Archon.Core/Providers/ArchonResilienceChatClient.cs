using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Polly;
using Polly.Retry;

namespace Archon.Core.Providers;

/// <summary>
/// Retries transient provider failures (429, 5xx, timeouts, malformed responses) with exponential backoff and jitter,
/// waiting at least what Retry-After asks, and times out each attempt. The number of retries goes into
/// <see cref="CallMetadata.Retries"/> of the response (or of the exception's Data when the call still fails).
/// </summary>
public sealed partial class ArchonResilienceChatClient : DelegatingChatClient
{
    private static readonly ResiliencePropertyKey<int> RetriesKey = new(CallMetadata.Retries);
    private static readonly ResiliencePropertyKey<StrongBox<TimeSpan?>> CapturedRetryAfterKey = new("archon.retry_after");
    private readonly ResiliencePipeline<ChatResponse> pipeline;
    private readonly ResiliencePipeline streamOpenPipeline;
    private readonly TimeSpan attemptTimeout;

    public ArchonResilienceChatClient(IChatClient inner, ArchonResilienceOptions options)
        : base(inner)
    {
        var time = options.TimeProvider;
        var builder = new ResiliencePipelineBuilder<ChatResponse> { TimeProvider = time };
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<ChatResponse>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } ex ? ProviderErrors.IsTransient(ex) : IsEmpty(args.Outcome.Result)),
                DelayGenerator = args =>
                {
                    // Honour Retry-After (capped); otherwise fall back to the exponential backoff with jitter.
                    var wait = args.Outcome.Exception is { } ex ? ProviderErrors.RetryAfter(ex, time) : null;
                    if (wait is null && args.Outcome.Exception is not null && args.Context.Properties.TryGetValue(CapturedRetryAfterKey, out var captured))
                    {
                        wait = captured.Value;
                    }

                    return ValueTask.FromResult(wait is { } w ? (TimeSpan?)(w > options.MaxRetryAfter ? options.MaxRetryAfter : w) : null);
                },
                OnRetry = args =>
                {
                    var count = args.Context.Properties.GetValue(RetriesKey, 0);
                    args.Context.Properties.Set(RetriesKey, count + 1);
                    return ValueTask.CompletedTask;
                },
            });
        }

        builder.AddTimeout(options.AttemptTimeout);
        pipeline = builder.Build();
        attemptTimeout = options.AttemptTimeout;
        streamOpenPipeline = BuildStreamOpenPipeline(options);
    }

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IList<ChatMessage> ?? messages.ToList();
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        var captured = RetryAfterCapture.Begin();
        context.Properties.Set(CapturedRetryAfterKey, captured);
        try
        {
            var response = await pipeline.ExecuteAsync(
                async (ctx, state) =>
                {
                    state.Captured.Value = null;
                    return await state.Inner.GetResponseAsync(state.List, state.Options, ctx.CancellationToken);
                },
                context,
                (Inner: InnerClient, List: list, Options: options, Captured: captured));
            var retries = context.Properties.GetValue(RetriesKey, 0);
            if (IsEmpty(response))
            {
                throw new MalformedModelResponseException("the provider returned no choices or empty content") { Data = { [CallMetadata.Retries] = retries } };
            }

            response.AdditionalProperties ??= [];
            response.AdditionalProperties[CallMetadata.Retries] = retries;
            return response;
        }
        catch (Exception ex) when (ex is not MalformedModelResponseException && !cancellationToken.IsCancellationRequested)
        {
            ex.Data[CallMetadata.Retries] = context.Properties.GetValue(RetriesKey, 0);
            throw;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static bool IsEmpty(ChatResponse? response) => response is null || string.IsNullOrWhiteSpace(response.Text);
}
