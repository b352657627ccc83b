using Archon.Core.Execution;

namespace Archon.Http.Mcp;

/// <summary>One registered architecture: its layers as "type(model xsamples)" lists; Label is "SIMULATED ..." when it runs on the simulator.</summary>
public sealed record McpArchitecture(string Name, IReadOnlyList<string> Layers, string? Label);

/// <summary>What run_architecture returns; <see cref="Trace"/> is the stored trace (container/name).</summary>
public sealed record McpRunResult(string Id, string Architecture, string? Answer, UsageTotals Usage, string Trace, IReadOnlyList<string> Notes, string? Label);

public sealed record McpSearchStarted(string SearchId, string Status);

/// <summary>Progress and leaderboard as the JSON the search writes (strings, so the tool schema stays simple).</summary>
public sealed record McpSearchStatus(string SearchId, string Status, string? Progress, string? Leaderboard, string LeaderboardBlob, string? Error);
