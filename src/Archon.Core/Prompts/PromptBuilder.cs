using Archon.Core.Execution;

namespace Archon.Core.Prompts;

/// <summary>
/// Builds message lists around a user's conversation without changing it: earlier turns are kept as context and only
/// the final user turn is replaced by the role's instruction. <c>no_system</c> folds the system text into that turn.
/// </summary>
public static class PromptBuilder
{
    /// <summary>The text of the last user turn: what candidates answer.</summary>
    public static string Query(IReadOnlyList<ChatTurn> conversation)
    {
        for (var i = conversation.Count - 1; i >= 0; i--)
        {
            if (conversation[i].Role == "user")
            {
                return conversation[i].Content;
            }
        }

        throw new ArgumentException("the conversation has no user turn", nameof(conversation));
    }

    /// <summary>System text + earlier turns + a replacement for the last user turn.</summary>
    public static IReadOnlyList<ChatTurn> Compose(string system, IReadOnlyList<ChatTurn> conversation, string finalUser, bool noSystem)
    {
        var last = LastUserIndex(conversation);
        var messages = new List<ChatTurn>(conversation.Count + 1);
        var userSystem = conversation.Where((t, i) => i < last && t.Role == "system").Select(t => t.Content).ToList();
        var combinedSystem = string.Join("\n\n", new[] { system }.Concat(userSystem));
        if (!noSystem)
        {
            messages.Add(new ChatTurn("system", combinedSystem));
        }

        for (var i = 0; i < last; i++)
        {
            if (conversation[i].Role != "system")
            {
                messages.Add(conversation[i]);
            }
        }

        messages.Add(new ChatTurn("user", noSystem ? combinedSystem + "\n\n" + finalUser : finalUser));
        return messages;
    }

    /// <summary>The conversation as the generator sees it: unchanged, with our system text in front (or folded in).</summary>
    public static IReadOnlyList<ChatTurn> ForGenerator(IReadOnlyList<ChatTurn> conversation, bool noSystem, string? hint)
    {
        var last = LastUserIndex(conversation);
        var final = conversation[last].Content + (hint ?? "");
        return Compose(PromptTemplates.GeneratorSystem, conversation, final, noSystem);
    }

    private static int LastUserIndex(IReadOnlyList<ChatTurn> conversation)
    {
        for (var i = conversation.Count - 1; i >= 0; i--)
        {
            if (conversation[i].Role == "user")
            {
                return i;
            }
        }

        throw new ArgumentException("the conversation has no user turn", nameof(conversation));
    }
}
