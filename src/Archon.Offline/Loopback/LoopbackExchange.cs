using Archon.Core.Execution;

namespace Archon.Offline.Loopback;

/// <summary>One request the loopback server received, already decoded from whichever protocol it arrived in.</summary>
/// <param name="Protocol">openai, azure-openai or anthropic.</param>
/// <param name="Route">Path and query, e.g. /openai/deployments/gpt/chat/completions?api-version=2024-10-21.</param>
public sealed record LoopbackExchange(
    string Protocol,
    string Route,
    string Model,
    IReadOnlyList<ChatTurn> Messages,
    double? Temperature,
    int? MaxTokens,
    IReadOnlyDictionary<string, string> Headers,
    string Body);
