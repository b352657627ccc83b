using System.Globalization;
using Archon.Core.Execution;
using Microsoft.Extensions.AI;

namespace Archon.Core.Providers;

/// <summary>
/// Performs one <see cref="ModelCallRequest"/> through the model's provider stack and turns the outcome into a
/// <see cref="ModelCallResult"/>: text, tokens (provider usage, else counted), cost from catalog prices, latency,
/// retries. One cost rule: a cache hit reports the cost (and latency) the call would have had and is flagged
/// <see cref="ModelCallResult.Cached"/>; <see cref="UsageTotals"/> splits spent from saved. Latency is the one the
/// stack reports (<see cref="CallMetadata.LatencyMs"/>: simulated, or original for a hit), else this invoker's clock. Failures after retries come back as results with the
/// provider's error, never as exceptions, so the trace keeps them. Cancellation still throws.
/// </summary>
public sealed class ChatClientModelInvoker(ModelClientFactory factory, TimeProvider? timeProvider = null) : IModelInvoker
{
    private readonly TimeProvider time = timeProvider ?? TimeProvider.System;

    public async Task<ModelCallResult> InvokeAsync(ModelCallRequest request, CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow();
        var t0 = time.GetTimestamp();
        try
        {
            var entry = factory.GetEntry(request.ModelId);
            var client = factory.GetClient(request.ModelId);
            var messages = request.Messages.Select(m => new ChatMessage(new ChatRole(m.Role), m.Content)).ToList();
            var options = new ChatOptions
            {
                Temperature = (float)request.Temperature,
                MaxOutputTokens = request.MaxTokens,
                AdditionalProperties = new AdditionalPropertiesDictionary
                {
                    [CallMetadata.Role] = request.Role,
                    [CallMetadata.ItemId] = request.ItemId,
                    [CallMetadata.SampleIndex] = request.SampleIndex.ToString(CultureInfo.InvariantCulture),
                    [CallMetadata.Layer] = request.Layer.ToString(CultureInfo.InvariantCulture),
                    [CallMetadata.CallId] = request.CallId,
                    [CallMetadata.PromptPack] = request.PromptPack,
                },
            };
            var response = await client.GetResponseAsync(messages, options, cancellationToken);
            var text = response.Text;
            // Counted only when the provider reports no usage: tokenising every prompt costs more than the rest of the call's bookkeeping.
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
