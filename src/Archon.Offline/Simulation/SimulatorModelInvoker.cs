using System.Diagnostics;
using System.Globalization;
using Archon.Core.Execution;
using Microsoft.Extensions.AI;

namespace Archon.Offline.Simulation;

/// <summary>
/// An <see cref="IModelInvoker"/> over SIMULATED clients, for offline evaluation without a provider stack: it passes the
/// same call metadata the real invoker does and prices tokens with the profile's prices. The reported latency is the
/// simulated one (so latency figures are comparable whether or not real delays are enabled).
/// </summary>
public sealed class SimulatorModelInvoker : IModelInvoker
{
    private readonly Dictionary<string, SimulatedChatClient> clients;

    public SimulatorModelInvoker(IEnumerable<SimModelProfile> profiles, SimulatorKnowledge knowledge, int seed = 0)
    {
        clients = profiles.ToDictionary(p => p.Id, p => new SimulatedChatClient(p, knowledge, seed), StringComparer.Ordinal);
    }

    public IReadOnlyCollection<string> Models => clients.Keys;

    public async Task<ModelCallResult> InvokeAsync(ModelCallRequest request, CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        if (!clients.TryGetValue(request.ModelId, out var client))
        {
            return new ModelCallResult(request.CallId, null, 0, 0, 0m, 0, 0, false,
                $"model '{request.ModelId}' is not in the SIMULATED fleet ({string.Join(", ", clients.Keys)})", started);
        }

        var options = new ChatOptions
        {
            Temperature = (float)request.Temperature,
            MaxOutputTokens = request.MaxTokens,
            AdditionalProperties = new AdditionalPropertiesDictionary
            {
                ["archon.role"] = request.Role,
                ["archon.item_id"] = request.ItemId,
                ["archon.sample_index"] = request.SampleIndex.ToString(CultureInfo.InvariantCulture),
                ["archon.layer"] = request.Layer.ToString(CultureInfo.InvariantCulture),
                ["archon.call_id"] = request.CallId,
            },
        };
        var watch = Stopwatch.StartNew();
        var response = await client.GetResponseAsync(request.Messages.Select(m => new ChatMessage(new ChatRole(m.Role), m.Content)), options, cancellationToken);
        var input = (int)(response.Usage?.InputTokenCount ?? 0);
        var output = (int)(response.Usage?.OutputTokenCount ?? 0);
        var p = client.Profile;
        var cost = (input * p.InputPricePerMillion + output * p.OutputPricePerMillion) / 1_000_000m;
        var latency = response.AdditionalProperties?.TryGetValue(SimulatedChatClient.LatencyKey, out var l) == true && l is double d ? d : watch.Elapsed.TotalMilliseconds;
        return new ModelCallResult(request.CallId, response.Text, input, output, cost, latency, 0, false, null, started);
    }
}
