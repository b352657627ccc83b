using Archon.Core.Architecture;
using Archon.Core.Execution;

namespace Archon.Durable.Contracts;

/// <summary>
/// Input of <see cref="Orchestrations.InferenceOrchestration"/>: an inline architecture, or the name of a registered one
/// (resolved by an activity, since the orchestrator may not do I/O), plus the conversation. An optional
/// <see cref="Budget"/> is enforced in the orchestrator with the given per-model <see cref="Prices"/> (passed in,
/// because reading the model catalog would be I/O).
/// <see cref="StreamId"/> (the instance id of a streaming chat completion) turns on token streaming of the final stage
/// through the relay and lets the client's disconnect stop the run (<see cref="Orchestrations.ClientCancellation"/>).
/// <see cref="Choices"/> runs the architecture that many times at once (OpenAI's <c>n</c>).
/// </summary>
public sealed record InferenceRequest(
    IReadOnlyList<ChatTurn> Messages,
    ArchitectureConfig? Architecture = null,
    string? ArchitectureName = null,
    string? ItemId = null,
    QueryBudget? Budget = null,
    IReadOnlyDictionary<string, ModelPrice>? Prices = null,
    string? StreamId = null,
    int Choices = 1);
