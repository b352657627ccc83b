using Archon.Core.Architecture;
using Archon.Core.Execution;
using Archon.Core.Prompts;

namespace Archon.Core.Components;

/// <summary>What a component needs to plan its calls: its config, where it sits, the state the previous layer left, and the prompt pack.</summary>
public sealed record ComponentContext(ComponentConfig Config, int Layer, int Component, QueryState Input)
{
    /// <summary>The instruction texts to send; the runner passes the pack it was built with.</summary>
    public PromptPack Prompts { get; init; } = PromptPack.Default;

    /// <summary>Prefix of every call id this component issues: L{layer}.C{component}.</summary>
    public string CallPrefix => $"L{Layer}.C{Component}";

    /// <summary>The conversation as components see it: once unit tests exist they are appended to the request (as in the reference).</summary>
    public IReadOnlyList<ChatTurn> Conversation => PromptBuilder.WithUnitTests(Input.Conversation, Input.UnitTests, Prompts);

    /// <summary>The user's current request (last user turn), with the unit tests when they exist.</summary>
    public string Query => PromptBuilder.Query(Conversation);

    /// <summary>The request as the user wrote it, without unit tests (<c>remove_unit_tests_from_prompt</c>).</summary>
    public string OriginalQuery => PromptBuilder.Query(Input.Conversation);

    public ExecutionNote Note(string kind, string message, string? callId = null) => new(Layer, Component, kind, message, callId);
}
