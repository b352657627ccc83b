using System.Globalization;
using Microsoft.Extensions.AI;

namespace Archon.Offline.Simulation;

/// <summary>
/// The "sim" provider: a deterministic, seeded <see cref="IChatClient"/> for one <see cref="SimModelProfile"/>.
/// It reads <c>archon.role</c>, <c>archon.item_id</c>, <c>archon.sample_index</c> and <c>archon.call_id</c> from
/// <see cref="ChatOptions.AdditionalProperties"/> (inferring the role from Archon's prompts and the item from its
/// question text when they are absent), answers in the text format of that role, and reports token usage and a
/// simulated latency. Every reply is marked SIMULATED. Optional real delays (<see cref="DelayScale"/>) exercise timeouts.
/// </summary>
public sealed class SimulatedChatClient(SimModelProfile profile, SimulatorKnowledge? knowledge = null, int seed = 0) : IChatClient
{
    public const string SimulatedFlag = "archon.simulated";
    /// <summary>The simulated latency travels under the stack-wide key, so the invoker and the cache report it.</summary>
    public const string LatencyKey = Archon.Core.Providers.CallMetadata.LatencyMs;

    private readonly SimulatorKnowledge knowledge = knowledge ?? SimulatorKnowledge.Shared;

    public SimModelProfile Profile => profile;

    /// <summary>0 = answer immediately (default); 1 = wait the simulated latency in real time.</summary>
    public double DelayScale { get; init; }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        var text = Respond(list, options, out var latencyMs);
        if (DelayScale > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(latencyMs * DelayScale), cancellationToken);
        }

        var inputChars = list.Sum(m => m.Text?.Length ?? 0);
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, text))
        {
            ModelId = profile.Id,
            FinishReason = ChatFinishReason.Stop,
            Usage = new UsageDetails { InputTokenCount = Math.Max(1, inputChars / 4), OutputTokenCount = Math.Max(1, text.Length / 4) },
            AdditionalProperties = new AdditionalPropertiesDictionary { [SimulatedFlag] = true, [LatencyKey] = latencyMs },
        };
    }

    /// <summary>The reply text for a request (pure function of messages, metadata, profile and seed).</summary>
    public string Respond(IReadOnlyList<ChatMessage> messages, ChatOptions? options, out double latencyMs)
    {
        var props = options?.AdditionalProperties;
        string? Meta(string key) => props is not null && props.TryGetValue(key, out var v) && v is not null ? Convert.ToString(v, CultureInfo.InvariantCulture) : null;
        var system = string.Join("\n", messages.Where(m => m.Role == ChatRole.System).Select(m => m.Text));
        var userTexts = messages.Where(m => m.Role == ChatRole.User).Select(m => m.Text ?? "").ToList();
        var all = string.Join("\n", userTexts);
        var last = userTexts.Count > 0 ? userTexts[^1] : "";
        var inferred = SimPromptReader.InferRole(system, all, last);
        var role = Meta("archon.role") ?? inferred;
        // The verifier's two stages share a role; the verdict stage is told apart by its call id or its system text.
        if (role == "verifier" && (inferred == "verifier-verdict" || (Meta("archon.call_id") ?? "").EndsWith(".verdict", StringComparison.Ordinal)))
        {
            role = "verifier-verdict";
        }

        var key = knowledge.Find(Meta("archon.item_id"), all);
        var greedy = (options?.Temperature ?? 0.7f) <= 0.05f;
        var sampleTag = greedy ? "greedy" : (Meta("archon.call_id") ?? "s" + (Meta("archon.sample_index") ?? "0"));
        var call = new SimCall(profile, seed, role, key, sampleTag, Meta("archon.call_id") ?? "", system, last, all);
        latencyMs = profile.LatencyMedianMs * Math.Exp(profile.LatencySigma * call.N("latency", sampleTag));
        return role switch
        {
            "fuser" => SimGeneration.Fuse(call),
            "ranker" => SimJudgement.Rank(call),
            "critic" => SimJudgement.Critique(call),
            "verifier" => SimJudgement.VerifierReasoning(call),
            "verifier-verdict" => SimJudgement.VerifierVerdict(call),
            "unit_test_generator" => SimJudgement.UnitTests(call),
            "unit_test_evaluator" => SimJudgement.EvaluateUnitTests(call),
            "judge" => SimJudgement.Judge(call),
            _ => SimGeneration.Generate(call),
        };
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        StreamAsync(messages, options, cancellationToken);

    private async IAsyncEnumerable<ChatResponseUpdate> StreamAsync(IEnumerable<ChatMessage> messages, ChatOptions? options, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
        // Nothing to release: the simulator holds no connections.
    }
}
