using Archon.Core.Execution;
using Archon.Core.Parsing;
using Archon.Core.Prompts;

namespace Archon.Core.Components;

/// <summary>
/// Writes natural-language unit tests for the request (at most <c>unit_test_cap</c>, default 5; samples are merged and
/// de-duplicated). Candidates pass through unchanged; the tests replace any earlier ones.
/// </summary>
public sealed class UnitTestGeneratorComponent : IArchitectureComponent
{
    public const int DefaultCap = 5;

    public async Task<ComponentOutput> RunAsync(ComponentContext context, IModelCallScheduler scheduler, CancellationToken cancellationToken)
    {
        var c = context.Config;
        var cap = c.UnitTestCap ?? DefaultCap;
        var notes = new List<ExecutionNote>();
        var messages = PromptBuilder.Compose(PromptTemplates.UnitTestGeneratorSystem, context.Input.Conversation,
            PromptTemplates.UnitTestGeneratorUser(context.Query, cap), c.NoSystem);
        var requests = ModelCalls.PerSample(context, messages);
        var calls = await ModelCalls.RunParsedAsync(context, scheduler, requests, t => UnitTestListParser.Parse(t, cap), notes, cancellationToken);
        var tests = calls.Where(x => x.Parsed).SelectMany(x => x.Value!).Distinct(StringComparer.OrdinalIgnoreCase).Take(cap).ToList();
        if (tests.Count == 0)
        {
            notes.Add(context.Note("fallback", "no unit tests could be read; later unit-test evaluation passes candidates through"));
        }

        return new ComponentOutput(context.Input.Candidates, notes) { UnitTests = tests };
    }
}
