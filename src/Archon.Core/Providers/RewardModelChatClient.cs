using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace Archon.Core.Providers;

/// <summary>
/// A reward model (PairRM-style) behind <see cref="IChatClient"/>, so reward ranking goes through the same scheduler,
/// retries, cache and trace as every other call. The ranker sends one user message holding
/// <c>{"query": ..., "responses": [...]}</c>; this client scores the responses over HTTP (wire format in
/// docs/model-catalog.md) and answers with the ranking line the ranker parses ("Answer: [2] > [1] > [3]") followed by
/// the scores. Pairwise: every pair i &lt; j is compared once and a response's score is its summed win probability.
/// </summary>
public sealed class RewardModelChatClient(HttpClient http, ModelEntry entry) : IChatClient
{
    private readonly RewardModelSpec spec = entry.RewardModel ?? new RewardModelSpec();

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var (query, responses) = ReadRequest(messages);
        var scores = spec.Protocol switch
        {
            "pairwise" => await PairwiseAsync(query, responses, cancellationToken).ConfigureAwait(false),
            "pointwise" => await PointwiseAsync(query, responses, cancellationToken).ConfigureAwait(false),
            _ => throw new ModelNotConfiguredException($"model {entry.Id}: rewardModel.protocol must be \"pairwise\" or \"pointwise\", got \"{spec.Protocol}\""),
        };
        var order = Enumerable.Range(0, responses.Count).OrderByDescending(i => scores[i]).ThenBy(i => i).ToList();
        var text = "Answer: " + string.Join(" > ", order.Select(i => $"[{i + 1}]"))
            + "\nscores: " + string.Join(", ", scores.Select((s, i) => string.Create(CultureInfo.InvariantCulture, $"[{i + 1}] {s:0.####}")));
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, text)) { ModelId = entry.Id, FinishReason = ChatFinishReason.Stop };
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        CancellationToken cancellationToken = default) =>
        throw new NotSupportedException($"model {entry.Id} is a reward model: it scores responses and does not stream");

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType == typeof(RewardModelChatClient) ? this : null;

    public void Dispose() => http.Dispose();

    /// <summary>The payload the ranker writes for a reward model.</summary>
    public static string WriteRequest(string query, IReadOnlyList<string> responses) =>
        new JsonObject { ["query"] = query, ["responses"] = new JsonArray(responses.Select(r => (JsonNode)r!).ToArray()) }.ToJsonString();

    private static (string Query, IReadOnlyList<string> Responses) ReadRequest(IEnumerable<ChatMessage> messages)
    {
        var last = messages.LastOrDefault(m => m.Role == ChatRole.User)?.Text ?? "";
        try
        {
            var node = JsonNode.Parse(last);
            var query = node?["query"]?.GetValue<string>();
            var responses = node?["responses"]?.AsArray().Select(r => r!.GetValue<string>()).ToList();
            if (query is not null && responses is { Count: > 0 })
            {
                return (query, responses);
            }
        }
        catch (JsonException)
        {
        }

        throw new ArgumentException("a reward model takes one user message {\"query\": ..., \"responses\": [...]} (only the ranker calls it)", nameof(messages));
    }

    private async Task<double[]> PointwiseAsync(string query, IReadOnlyList<string> responses, CancellationToken ct)
    {
        var scores = new List<double>(responses.Count);
        foreach (var batch in responses.Chunk(Math.Max(1, spec.BatchSize)))
        {
            var body = new JsonObject { ["model"] = entry.ModelName, ["query"] = query, ["responses"] = new JsonArray(batch.Select(r => (JsonNode)r!).ToArray()) };
            var values = await PostAsync("score", body, "scores", ct).ConfigureAwait(false);
            if (values.Count != batch.Length)
            {
                throw new MalformedModelResponseException($"reward model {entry.Id}: {values.Count} scores for {batch.Length} responses");
            }

            scores.AddRange(values);
        }

        return [.. scores];
    }

    private async Task<double[]> PairwiseAsync(string query, IReadOnlyList<string> responses, CancellationToken ct)
    {
        var pairs = (from i in Enumerable.Range(0, responses.Count) from j in Enumerable.Range(i + 1, responses.Count - i - 1) select (i, j)).ToList();
        var scores = new double[responses.Count];
        foreach (var batch in pairs.Chunk(Math.Max(1, spec.BatchSize)))
        {
            var items = batch.Select(p => (JsonNode)new JsonObject { ["a"] = responses[p.i], ["b"] = responses[p.j] }).ToArray();
            var body = new JsonObject { ["model"] = entry.ModelName, ["query"] = query, ["pairs"] = new JsonArray(items) };
            var probabilities = await PostAsync("compare", body, "probabilities", ct).ConfigureAwait(false);
            if (probabilities.Count != batch.Length)
            {
                throw new MalformedModelResponseException($"reward model {entry.Id}: {probabilities.Count} probabilities for {batch.Length} pairs");
            }

            for (var k = 0; k < batch.Length; k++)
            {
                scores[batch[k].i] += probabilities[k];
                scores[batch[k].j] += 1 - probabilities[k];
            }
        }

        return scores;
    }

    private async Task<IReadOnlyList<double>> PostAsync(string route, JsonObject body, string field, CancellationToken ct)
    {
        var uri = new Uri(new Uri(entry.Endpoint!.TrimEnd('/') + "/"), route);
        using var response = await http.PostAsJsonAsync(uri, body, ct).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var node = await response.Content.ReadFromJsonAsync<JsonNode>(ct).ConfigureAwait(false);
        var array = node?[field] as JsonArray
            ?? throw new MalformedModelResponseException($"reward model {entry.Id}: POST /{route} answered without a \"{field}\" array");
        return array.Select(v => v!.GetValue<double>()).ToList();
    }
}
