namespace Archon.Core.Execution;

/// <summary>A serializable chat message (role: system, user or assistant). Durable payloads carry these, not SDK types.</summary>
public sealed record ChatTurn(string Role, string Content);
