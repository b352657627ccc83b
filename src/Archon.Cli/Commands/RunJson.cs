using System.Text.Json;
using System.Text.Json.Nodes;
using Archon.Core.Architecture;
using Archon.Core.Execution;

namespace Archon.Cli.Commands;

/// <summary>The --json output of <c>archon run</c>: answer, totals, notes and every call of the trace.</summary>
internal static class RunJson
{
    public static string Render(ArchitectureConfig architecture, PipelineResult result, string? label)
    {
        var t = result.Totals;
        var json = new JsonObject
        {
            ["architecture"] = architecture.Name,
            ["label"] = label,
            ["prompt_pack"] = result.PromptPack,
            ["answer"] = result.Answer,
            ["totals"] = new JsonObject
            {
                ["calls"] = t.Calls, ["failed_calls"] = t.FailedCalls, ["cached_calls"] = t.CachedCalls, ["retries"] = t.Retries,
                ["input_tokens"] = t.InputTokens, ["output_tokens"] = t.OutputTokens, ["cost_usd"] = t.CostUsd, ["saved_usd"] = t.SavedUsd,
            },
            ["notes"] = new JsonArray(result.FinalState.Notes.Select(n => (JsonNode)new JsonObject
            {
                ["layer"] = n.Layer, ["component"] = n.Component, ["kind"] = n.Kind, ["message"] = n.Message, ["call_id"] = n.CallId,
            }).ToArray()),
            ["trace"] = new JsonArray(result.Trace.Select(e => (JsonNode)new JsonObject
            {
                ["call_id"] = e.Request.CallId, ["role"] = e.Request.Role, ["layer"] = e.Request.Layer, ["model"] = e.Request.ModelId,
                ["prompt_hash"] = PromptHash.Compute(e.Request.Messages), ["output"] = e.Result.Text, ["error"] = e.Result.Error,
                ["input_tokens"] = e.Result.InputTokens, ["output_tokens"] = e.Result.OutputTokens, ["latency_ms"] = Math.Round(e.Result.LatencyMs, 1),
                ["retries"] = e.Result.Retries, ["cost_usd"] = e.Result.CostUsd, ["cached"] = e.Result.Cached,
                ["adaptations"] = e.Result.Adaptations.Count == 0 ? null : new JsonArray(e.Result.Adaptations.Select(a => (JsonNode)a).ToArray()),
            }).ToArray()),
        };
        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}
