namespace Archon.Core.Execution;

/// <summary>One model call as it happened: what was asked and what came back (including failures).</summary>
public sealed record TraceEntry(ModelCallRequest Request, ModelCallResult Result);
