namespace Archon.Durable.Contracts;

/// <summary>
/// Input of the batched model-call activity: several calls of one layer stage of one inference instance, each as it
/// would go to the single-call activity (references to earlier answers included). Message texts several calls share
/// travel once, in <see cref="Shared"/>, with a marker in each message (<see cref="Orchestrations.SharedMessages"/>).
/// </summary>
public sealed record ModelCallBatchWork(string InstanceId, IReadOnlyList<ModelCallWork> Calls, IReadOnlyList<string>? Shared = null);
