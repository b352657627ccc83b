using Archon.Core.Execution;

namespace Archon.Core.Components;

/// <summary>The final attempt of one planned call and, when it could be read, its parsed value.</summary>
public sealed record ParsedCall<T>(ModelCallRequest Request, ModelCallResult Result, T? Value, bool Parsed);
