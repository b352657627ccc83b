using System.Diagnostics;
using System.Diagnostics.Metrics;
using Archon.Core.Execution;

namespace Archon.Durable.Telemetry;

/// <summary>
/// Archon's own spans and metrics: one span per orchestration, per layer and per model call, tagged with model, role,
/// tokens, cost and retries. Microsoft.Extensions.AI's OpenTelemetry chat client adds the gen_ai spans underneath.
/// Orchestration and layer spans are recorded after the fact (start/end from the orchestration's replay-safe clock)
/// and only when not replaying, so a replay never emits a span twice.
/// </summary>
public static class ArchonTelemetry
{
    public const string SourceName = "Archon";

    public static readonly ActivitySource Source = new(SourceName);
    public static readonly Meter Meter = new(SourceName);

    private static readonly Counter<long> ModelCalls = Meter.CreateCounter<long>("archon.model_calls", description: "Model calls made");
    private static readonly Counter<long> Tokens = Meter.CreateCounter<long>("archon.tokens", unit: "{token}", description: "Tokens by direction");
    private static readonly Counter<double> Cost = Meter.CreateCounter<double>("archon.cost", unit: "USD", description: "Model cost; archon.cached=true is what cache hits saved");
    private static readonly Histogram<double> CallDuration = Meter.CreateHistogram<double>("archon.model_call.duration", unit: "ms");
    private static readonly Counter<long> Orchestrations = Meter.CreateCounter<long>("archon.orchestrations", description: "Finished orchestrations by outcome");

    public static Activity? StartModelCall(ModelCallRequest request)
    {
        var span = Source.StartActivity("archon.model_call", ActivityKind.Internal);
        if (span is not null)
        {
            span.SetTag("archon.model", request.ModelId);
            span.SetTag("archon.role", request.Role);
            span.SetTag("archon.layer", request.Layer);
            span.SetTag("archon.call_id", request.CallId);
            span.SetTag("archon.sample_index", request.SampleIndex);
            if (request.ItemId is not null)
            {
                span.SetTag("archon.item_id", request.ItemId);
            }
        }

        return span;
    }

    public static void RecordModelCall(Activity? span, ModelCallRequest request, ModelCallResult result)
    {
        var tags = new TagList { { "archon.model", request.ModelId }, { "archon.role", request.Role }, { "archon.ok", result.Succeeded } };
        ModelCalls.Add(1, tags);
        Tokens.Add(result.InputTokens, new TagList { { "archon.model", request.ModelId }, { "archon.direction", "input" } });
        Tokens.Add(result.OutputTokens, new TagList { { "archon.model", request.ModelId }, { "archon.direction", "output" } });
        // One cost rule: a hit reports its would-be cost; the archon.cached tag splits spent (false) from saved (true).
        Cost.Add((double)result.CostUsd, new TagList { { "archon.model", request.ModelId }, { "archon.cached", result.Cached } });
        CallDuration.Record(result.LatencyMs, tags);
        if (span is null)
        {
            return;
        }

        span.SetTag("archon.input_tokens", result.InputTokens);
        span.SetTag("archon.output_tokens", result.OutputTokens);
        span.SetTag("archon.cost_usd", (double)result.CostUsd);
        span.SetTag("archon.retries", result.Retries);
        span.SetTag("archon.cached", result.Cached);
        if (result.Error is not null)
        {
            span.SetStatus(ActivityStatusCode.Error, result.Error);
        }
    }

    /// <summary>Emits a finished layer span; call only when the orchestration is not replaying.</summary>
    public static void RecordLayer(string instanceId, int layer, IReadOnlyList<string> componentTypes, int calls, int failed, DateTime startUtc, DateTime endUtc)
    {
        using var span = Source.StartActivity("archon.layer", ActivityKind.Internal, default(ActivityContext), startTime: startUtc);
        if (span is null)
        {
            return;
        }

        span.SetTag("archon.instance_id", instanceId);
        span.SetTag("archon.layer", layer);
        span.SetTag("archon.components", string.Join(",", componentTypes));
        span.SetTag("archon.calls", calls);
        span.SetTag("archon.failed_calls", failed);
        span.SetEndTime(endUtc);
    }

    /// <summary>Emits a finished orchestration span; call only when the orchestration is not replaying.</summary>
    public static void RecordOrchestration(string name, string instanceId, UsageTotals totals, bool succeeded, DateTime startUtc, DateTime endUtc)
    {
        Orchestrations.Add(1, new TagList { { "archon.orchestration", name }, { "archon.ok", succeeded } });
        using var span = Source.StartActivity($"archon.orchestration {name}", ActivityKind.Internal, default(ActivityContext), startTime: startUtc);
        if (span is null)
        {
            return;
        }

        span.SetTag("archon.instance_id", instanceId);
        span.SetTag("archon.calls", totals.Calls);
        span.SetTag("archon.input_tokens", totals.InputTokens);
        span.SetTag("archon.output_tokens", totals.OutputTokens);
        span.SetTag("archon.cost_usd", (double)totals.CostUsd);
        span.SetTag("archon.saved_usd", (double)totals.SavedUsd);
        span.SetTag("archon.retries", totals.Retries);
        if (!succeeded)
        {
            span.SetStatus(ActivityStatusCode.Error);
        }

        span.SetEndTime(endUtc);
    }
}
