using Archon.Core.Architecture;
using Archon.Core.Execution;

namespace Archon.Durable.Contracts;

/// <summary>
/// Input of <see cref="Orchestrations.InferenceOrchestration"/>: an inline architecture, or the name of a registered one
/// (resolved by an activity, since the orchestrator may not do I/O), plus the conversation.
/// </summary>
public sealed record InferenceRequest(
    IReadOnlyList<ChatTurn> Messages,
    ArchitectureConfig? Architecture = null,
    string? ArchitectureName = null,
    string? ItemId = null);
