using Archon.Core.Execution;
using Archon.Core.Parsing;
using Archon.Core.Prompts;

namespace Archon.Core.Components;

/// <summary>
/// Writes natural-language unit tests for the request (reference rules): with <c>unit_test_cap</c> = N it asks for
/// exactly N and a reply with another number of tests is re-asked; without it any number is kept. The tests are then
/// appended to the request for every later component (see <see cref="ComponentContext.Conversation"/>). Candidates
/// pass through unchanged; the tests replace any earlier ones. Extensions: several samples are merged (distinct,
/// first N); when no reply can be read the run goes on without tests, with a note (the reference fails the query).
/// </summary>
public sealed class UnitTestGeneratorComponent : IArchitectureComponent
{
    public async Task<ComponentOutput> RunAsync(ComponentContext context, IModelCallScheduler scheduler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var c = context.Config;
        var cap = c.UnitTestCap;
        var pack = context.Prompts;
        var notes = new List<ExecutionNote>();
        var user = cap is { } n
            ? pack.Render(PromptStages.UnitTestGeneratorUser, ("query", context.Query), ("count", n))
            : pack.Render(PromptStages.UnitTestGeneratorUserUncapped, ("query", context.Query));
        var messages = PromptBuilder.Compose(pack.Text(PromptStages.UnitTestGeneratorSystem), context.Conversation, user, c.NoSystem);
        var requests = ModelCalls.PerSample(context, messages);
        var calls = await ModelCalls.RunParsedAsync(context, scheduler, requests, t => UnitTestListParser.Parse(t, cap), notes, cancellationToken);
        var tests = calls.Where(x => x.Parsed).SelectMany(x => x.Value!).Distinct(StringComparer.OrdinalIgnoreCase).Take(cap ?? int.MaxValue).ToList();
        if (tests.Count == 0)
        {
            notes.Add(context.Note("fallback", "no unit tests could be read; later unit-test evaluation passes candidates through"));
        }

        return new ComponentOutput(context.Input.Candidates, notes) { UnitTests = tests };
    }
}
