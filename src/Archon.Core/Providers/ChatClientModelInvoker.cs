using System.Globalization;
using Archon.Core.Execution;
using Archon.Core.Streaming;
using Microsoft.Extensions.AI;

namespace Archon.Core.Providers;

/// <summary>
/// Performs one <see cref="ModelCallRequest"/> through the model's provider stack and turns the outcome into a
/// <see cref="ModelCallResult"/>: text, tokens (provider usage, else counted), cost from catalog prices, latency,
/// retries. One cost rule: a cache hit reports the cost (and latency) the call would have had and is flagged
/// <see cref="ModelCallResult.Cached"/>; <see cref="UsageTotals"/> splits spent from saved. Latency is the one the
/// stack reports (<see cref="CallMetadata.LatencyMs"/>: simulated, or original for a hit), else this invoker's clock. Failures after retries come back as results with the
/// provider's error, never as exceptions, so the trace keeps them. Cancellation still throws.
/// Streaming (<see cref="InvokeStreamingAsync"/>) goes through <c>GetStreamingResponseAsync</c> of the same stack and
/// hands each token to the sink as it arrives; the result is the same as the non-streaming call's.
/// </summary>
public sealed class ChatClientModelInvoker(ModelClientFactory factory, TimeProvider? timeProvider = null) : IStreamingModelInvoker
{
    private readonly TimeProvider time = timeProvider ?? TimeProvider.System;

    public Task<ModelCallResult> InvokeAsync(ModelCallRequest request, CancellationToken cancellationToken) =>
        RunAsync(request, null, cancellationToken);

    public Task<ModelCallResult> InvokeStreamingAsync(ModelCallRequest request, IStreamSink sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        return RunAsync(request, sink, cancellationToken);
    }

    private async Task<ModelCallResult> RunAsync(ModelCallRequest request, IStreamSink? sink, CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow();
        var t0 = time.GetTimestamp();
        try
        {
            var entry = factory.GetEntry(request.ModelId);
            var client = factory.GetClient(request.ModelId);
            var messages = request.Messages.Select(m => new ChatMessage(new ChatRole(m.Role), m.Content)).ToList();
            var options = Options(request);
            var response = sink is null
                ? await client.GetResponseAsync(messages, options, cancellationToken)
                : await StreamAsync(client, messages, options, sink, cancellationToken);
            var text = response.Text;
            // Counted only when the provider reports no usage: tokenising a large fusion prompt costs more than a cache hit.
            var inputTokens = (int)(response.Usage?.InputTokenCount ?? TokenCounter.Count(request.Messages));
            var outputTokens = (int)(response.Usage?.OutputTokenCount ?? TokenCounter.Count(text));
            var cached = Flag(response.AdditionalProperties, CallMetadata.Cached);
            var retries = Number(response.AdditionalProperties?.GetValueOrDefault(CallMetadata.Retries));
            var cost = entry.CostUsd(inputTokens, outputTokens);
            var latency = response.AdditionalProperties?.TryGetValue(CallMetadata.LatencyMs, out var l) == true && l is double d ? d : Elapsed(t0);
            var adaptations = response.AdditionalProperties?.GetValueOrDefault(CallMetadata.Adaptations) as IReadOnlyList<string> ?? [];
            return new ModelCallResult(request.CallId, text, inputTokens, outputTokens, cost, latency, retries, cached, null, started)
            {
                Adaptations = adaptations,
            };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            var retries = Number(ex.Data[CallMetadata.Retries]);
            return new ModelCallResult(request.CallId, null, TokenCounter.Count(request.Messages), 0, 0m, Elapsed(t0), retries, false, ProviderErrors.Describe(ex), started);
        }
    }

    private static async Task<ChatResponse> StreamAsync(IChatClient client, List<ChatMessage> messages, ChatOptions options, IStreamSink sink, CancellationToken cancellationToken)
    {
        var updates = new List<ChatResponseUpdate>();
        var properties = new AdditionalPropertiesDictionary();
        await foreach (var update in client.GetStreamingResponseAsync(messages, options, cancellationToken))
        {
            updates.Add(update);
            if (update.AdditionalProperties is { } extra)
            {
                // Retries and cache hits ride on the first update (resilience and cache layers); keep them.
                foreach (var (key, value) in extra)
                {
                    properties[key] = value;
                }
            }

            var text = update.Text;
            if (!string.IsNullOrEmpty(text))
            {
                sink.Delta(text);
            }
        }

        var response = updates.ToChatResponse();
        if (string.IsNullOrWhiteSpace(response.Text))
        {
            throw new MalformedModelResponseException("the provider's stream carried no content");
        }

        response.AdditionalProperties = properties;
        return response;
    }

    private static ChatOptions Options(ModelCallRequest request)
    {
        var metadata = new AdditionalPropertiesDictionary
        {
            [CallMetadata.Role] = request.Role,
            [CallMetadata.ItemId] = request.ItemId,
            [CallMetadata.SampleIndex] = request.SampleIndex.ToString(CultureInfo.InvariantCulture),
            [CallMetadata.Layer] = request.Layer.ToString(CultureInfo.InvariantCulture),
            [CallMetadata.CallId] = request.CallId,
            [CallMetadata.PromptPack] = request.PromptPack,
        };
        if (request.Choice != 0)
        {
            metadata[CallMetadata.Choice] = request.Choice.ToString(CultureInfo.InvariantCulture);
        }

        return new ChatOptions { Temperature = (float)request.Temperature, MaxOutputTokens = request.MaxTokens, AdditionalProperties = metadata };
    }

    private double Elapsed(long t0) => time.GetElapsedTime(t0).TotalMilliseconds;

    private static bool Flag(AdditionalPropertiesDictionary? props, string key) =>
        props is not null && props.TryGetValue(key, out var value) && value is true;

    private static int Number(object? value) => value switch
    {
        int i => i,
        long l => (int)l,
        string s when int.TryParse(s, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => 0,
    };
}
