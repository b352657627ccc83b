using Archon.Core.Execution;
using Archon.Core.Parsing;
using Archon.Core.Prompts;

namespace Archon.Core.Components;

/// <summary>
/// Writes strengths and weaknesses for every candidate in one call and attaches each critique to its candidate
/// (replacing an older critique). As in the reference a reply is readable only when it has one critique per
/// candidate and each names both strengths and weaknesses; otherwise it is re-asked. Extensions: several samples'
/// critiques are joined; when no reply can be read the candidates go on without critiques (the reference fails the query).
/// </summary>
public sealed class CriticComponent : IArchitectureComponent
{
    public async Task<ComponentOutput> RunAsync(ComponentContext context, IModelCallScheduler scheduler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var c = context.Config;
        var input = context.Input.Candidates;
        var notes = new List<ExecutionNote>();
        if (input.Count == 0)
        {
            return new ComponentOutput(input, notes);
        }

        var pack = context.Prompts;
        var list = ComponentPrompts.List(pack, input, PromptStages.CriticCandidate, null);
        var user = pack.Render(PromptStages.CriticUser, ("query", context.Query), ("candidates", list), ("count", input.Count));
        var messages = PromptBuilder.Compose(pack.Text(PromptStages.CriticSystem), context.Conversation, user, c.NoSystem);
        var requests = ModelCalls.PerSample(context, messages);
        var calls = await ModelCalls.RunParsedAsync(context, scheduler, requests, t => Parse(t, input.Count), notes, cancellationToken);
        var parsed = calls.Where(x => x.Parsed).Select(x => x.Value!).ToList();
        if (parsed.Count == 0)
        {
            notes.Add(context.Note("fallback", "no critique could be read; candidates go on without critiques"));
            return new ComponentOutput(input.Select(x => x with { Critique = null }).ToList(), notes);
        }

        var output = input.Select((candidate, i) => candidate with { Critique = string.Join("\n\n", parsed.Select(p => p[i])) }).ToList();
        return new ComponentOutput(output, notes);
    }

    /// <summary>The reference's check: one critique per candidate, each with strengths and weaknesses.</summary>
    internal static ParseResult<IReadOnlyList<string>> Parse(string text, int count)
    {
        var parsed = CritiqueParser.Parse(text, count);
        if (!parsed.Succeeded)
        {
            return parsed;
        }

        var incomplete = parsed.Value!.Select((x, i) => (x, i))
            .Where(p => !p.x.Contains("strength", StringComparison.OrdinalIgnoreCase) || !p.x.Contains("weakness", StringComparison.OrdinalIgnoreCase))
            .Select(p => p.i + 1).ToList();
        return incomplete.Count == 0
            ? parsed
            : ParseResult<IReadOnlyList<string>>.Fail($"the critique of candidate(s) {string.Join(", ", incomplete)} lacks Strengths: or Weaknesses:");
    }
}
