using System.Text.Json;
using Archon.Offline.Loopback;
using Microsoft.Extensions.AI;

namespace Archon.Offline.Simulation;

/// <summary>
/// The SIMULATED fleet behind a loopback OpenAI-compatible endpoint (<c>POST {BaseUri}v1/chat/completions</c>, also the
/// Azure OpenAI and Anthropic routes of the loopback server), so the real HTTP client path can be driven offline.
/// Call metadata travels as headers (<c>x-archon-role</c>, <c>x-archon-item-id</c>, <c>x-archon-sample-index</c>,
/// <c>x-archon-call-id</c>) or as a request-body object <c>"metadata": {"archon.role": …}</c>; without it the role and item
/// are inferred from the prompt, and every sample of one prompt gets the same (deterministic) answer.
/// </summary>
public sealed class SimulatorServer : IAsyncDisposable
{
    private readonly LoopbackModelServer server;

    private SimulatorServer(LoopbackModelServer server) { this.server = server; }

    public Uri BaseUri => server.BaseUri;
    public Uri OpenAIBaseUri => server.OpenAIBaseUri;
    public long RequestCount => server.RequestCount;

    /// <param name="delayScale">0 = reply at once; 1 = wait each profile's simulated latency in real time.</param>
    public static SimulatorServer Start(IReadOnlyList<SimModelProfile> profiles, SimulatorKnowledge knowledge, int seed = 0, double delayScale = 0)
    {
        var clients = profiles.ToDictionary(p => p.Id, p => new SimulatedChatClient(p, knowledge, seed), StringComparer.OrdinalIgnoreCase);
        return new SimulatorServer(LoopbackModelServer.Start((exchange, _) =>
        {
            if (!clients.TryGetValue(exchange.Model, out var client))
            {
                return Task.FromResult(LoopbackReply.Raw(404, JsonSerializer.Serialize(new { error = new { message = $"SIMULATED fleet has no model '{exchange.Model}'", type = "invalid_request_error" } })));
            }

            var options = new ChatOptions { Temperature = (float?)exchange.Temperature, AdditionalProperties = Metadata(exchange) };
            var messages = exchange.Messages.Select(m => new ChatMessage(new ChatRole(m.Role), m.Content)).ToList();
            var text = client.Respond(messages, options, out var latency);
            return Task.FromResult(new LoopbackReply
            {
                Text = text,
                Delay = TimeSpan.FromMilliseconds(latency * delayScale),
                Headers = new Dictionary<string, string> { ["x-archon-simulated"] = "true" },
            });
        }));
    }

    private static AdditionalPropertiesDictionary Metadata(LoopbackExchange exchange)
    {
        var props = new AdditionalPropertiesDictionary();
        foreach (var (header, key) in new[] { ("x-archon-role", "archon.role"), ("x-archon-item-id", "archon.item_id"), ("x-archon-sample-index", "archon.sample_index"), ("x-archon-call-id", "archon.call_id") })
        {
            if (exchange.Headers.TryGetValue(header, out var v) && v.Length > 0) { props[key] = v; }
        }

        try
        {
            using var doc = JsonDocument.Parse(exchange.Body);
            if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("metadata", out var md) && md.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in md.EnumerateObject().Where(p => p.Name.StartsWith("archon.", StringComparison.Ordinal)))
                {
                    props[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.ToString();
                }
            }
        }
        catch (JsonException)
        {
            // The loopback server already decoded the body; a malformed one simply carries no metadata.
        }

        return props;
    }

    public ValueTask DisposeAsync() => server.DisposeAsync();
}
