using Archon.Core.Architecture;
using Archon.Core.Execution;
using Archon.Core.Prompts;

namespace Archon.Core.Components;

/// <summary>What a component needs to plan its calls: its config, where it sits, and the state the previous layer left.</summary>
public sealed record ComponentContext(ComponentConfig Config, int Layer, int Component, QueryState Input)
{
    /// <summary>Prefix of every call id this component issues: L{layer}.C{component}.</summary>
    public string CallPrefix => $"L{Layer}.C{Component}";

    /// <summary>The user's current request (last user turn).</summary>
    public string Query => PromptBuilder.Query(Input.Conversation);

    public ExecutionNote Note(string kind, string message, string? callId = null) => new(Layer, Component, kind, message, callId);
}
