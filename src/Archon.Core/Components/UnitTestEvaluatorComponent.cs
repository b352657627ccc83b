using Archon.Core.Execution;
using Archon.Core.Parsing;
using Archon.Core.Prompts;

namespace Archon.Core.Components;

/// <summary>
/// Judges every candidate against every unit test (one call per candidate and sample, all concurrent; per test the
/// majority over samples decides) and attaches the verdicts to the candidate. Selection:
/// <c>first_pass</c> keeps the first candidate passing every test; <c>first_k</c> keeps the first k that pass every test;
/// both fill up with the best scorers when too few pass. Otherwise candidates are ordered by tests passed (stable)
/// and cut to <c>top_k</c>. Candidates that could not be judged score lowest and are noted.
/// <c>remove_unit_tests_from_prompt</c> clears the tests so later layers do not see them.
/// </summary>
public sealed class UnitTestEvaluatorComponent : IArchitectureComponent
{
    public async Task<ComponentOutput> RunAsync(ComponentContext context, IModelCallScheduler scheduler, CancellationToken cancellationToken)
    {
        var c = context.Config;
        var input = context.Input.Candidates;
        var tests = context.Input.UnitTests;
        var notes = new List<ExecutionNote>();
        IReadOnlyList<string>? testsAfter = c.RemoveUnitTestsFromPrompt ? [] : null;
        if (tests.Count == 0 || input.Count == 0)
        {
            notes.Add(context.Note("fallback", "no unit tests or no candidates; candidates pass through unchanged"));
            return new ComponentOutput(input, notes) { UnitTests = testsAfter };
        }

        var plan = (from ci in Enumerable.Range(0, input.Count) from s in Enumerable.Range(0, c.Samples) select (ci, s)).ToList();
        var requests = plan.Select(p => ModelCalls.Request(context, p.s, p.ci, PromptBuilder.Compose(PromptTemplates.UnitTestEvaluatorSystem,
            context.Input.Conversation, PromptTemplates.UnitTestEvaluatorUser(context.Query, input[p.ci], tests), c.NoSystem))).ToList();
        var calls = await ModelCalls.RunParsedAsync(context, scheduler, requests, t => UnitTestVerdictParser.Parse(t, tests.Count), notes, cancellationToken);

        var judged = new List<(Candidate Candidate, int Score, bool AllPass, int Index)>();
        for (var ci = 0; ci < input.Count; ci++)
        {
            // The plan is candidate-major (samples of candidate ci at ci * Samples ..): a direct slice, not a scan of the
            // whole plan per candidate, which was quadratic in a 1,000-candidate layer (and ran again on every replay).
            var samples = Enumerable.Range(ci * c.Samples, c.Samples).Where(i => calls[i].Parsed).Select(i => calls[i].Value!).ToList();
            if (samples.Count == 0)
            {
                notes.Add(context.Note("evaluation-failed", $"candidate {input[ci].Id} could not be judged; it scores lowest"));
                judged.Add((input[ci], -1, false, ci));
                continue;
            }

            var verdicts = Enumerable.Range(0, tests.Count).Select(t => samples.Count(v => v[t]) * 2 > samples.Count).ToList();
            judged.Add((input[ci] with { UnitTestVerdicts = verdicts }, verdicts.Count(v => v), verdicts.All(v => v), ci));
        }

        var byScore = judged.OrderByDescending(j => j.Score).ThenBy(j => j.Index).ToList();
        List<Candidate> selected;
        if (c.FirstPass || c.FirstK is not null)
        {
            var k = c.FirstPass ? 1 : c.FirstK!.Value;
            var passing = judged.Where(j => j.AllPass).Take(k).ToList();
            selected = passing.Concat(byScore.Where(j => !passing.Contains(j)).Take(k - passing.Count)).Select(j => j.Candidate).ToList();
        }
        else
        {
            selected = byScore.Take(c.TopK ?? byScore.Count).Select(j => j.Candidate).ToList();
        }

        return new ComponentOutput(selected, notes) { UnitTests = testsAfter };
    }
}
