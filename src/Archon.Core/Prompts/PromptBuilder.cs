using Archon.Core.Execution;

namespace Archon.Core.Prompts;

/// <summary>
/// Builds message lists around a user's conversation the way the reference components do: generators get the
/// conversation as it is; every other component sends its own system message, the earlier non-system turns, and its
/// instruction in place of the last user turn (the user's own system messages are not forwarded to them, as in the
/// reference). <c>no_system</c> drops the system message, as the reference's generator does.
/// </summary>
public static class PromptBuilder
{
    /// <summary>The text of the last user turn: what candidates answer.</summary>
    public static string Query(IReadOnlyList<ChatTurn> conversation) => conversation[LastUserIndex(conversation)].Content;

    /// <summary>System message + earlier non-system turns + the component's instruction.</summary>
    public static IReadOnlyList<ChatTurn> Compose(string system, IReadOnlyList<ChatTurn> conversation, string finalUser, bool noSystem)
    {
        var last = LastUserIndex(conversation);
        var messages = new List<ChatTurn>(conversation.Count + 1);
        if (!noSystem)
        {
            messages.Add(new ChatTurn("system", system));
        }

        messages.AddRange(conversation.Take(last).Where(t => t.Role != "system"));
        messages.Add(new ChatTurn("user", finalUser));
        return messages;
    }

    /// <summary>The conversation exactly as given (up to its last user turn); <c>no_system</c> removes its system turns.</summary>
    public static IReadOnlyList<ChatTurn> ForGenerator(IReadOnlyList<ChatTurn> conversation, bool noSystem)
    {
        var last = LastUserIndex(conversation);
        return conversation.Take(last + 1).Where(t => !noSystem || t.Role != "system").ToList();
    }

    /// <summary>
    /// The conversation with the unit tests appended to its last user turn (pack stage <c>unit_tests.query_suffix</c>).
    /// The reference appends them to the request in place, so every later component, generators included, sees them.
    /// </summary>
    public static IReadOnlyList<ChatTurn> WithUnitTests(IReadOnlyList<ChatTurn> conversation, IReadOnlyList<string> tests, PromptPack pack)
    {
        if (tests.Count == 0)
        {
            return conversation;
        }

        var last = LastUserIndex(conversation);
        var items = string.Join("\n", tests.Select((t, i) => pack.Render(PromptStages.UnitTestsItem, ("index", i + 1), ("test", t))));
        var suffix = pack.Render(PromptStages.UnitTestsQuerySuffix, ("unit_tests", items));
        return conversation.Select((t, i) => i == last ? t with { Content = t.Content + suffix } : t).ToList();
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
