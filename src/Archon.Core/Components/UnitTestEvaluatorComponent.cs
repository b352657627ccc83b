using Archon.Core.Execution;
using Archon.Core.Parsing;
using Archon.Core.Prompts;

namespace Archon.Core.Components;

/// <summary>
/// Judges every candidate against every unit test, one call per candidate (reference rules): the model reasons first
/// and ends with one '[Passed]'/'[Failed]' line per test; a candidate's score is its number of passed tests.
/// Selection: with <c>first_k</c> (or <c>first_pass</c>, meaning first_k = 1) the first k candidates, in order, that
/// pass every test; when fewer pass, or without first_k, the candidates by score, best first, cut to <c>top_k</c>
/// (all when unset). <c>remove_unit_tests_from_prompt</c> removes the tests from this evaluator's request only; later
/// components still see them. Extensions: several samples vote per test (majority); ties keep candidate order (the
/// reference's tuple sort orders ties by text); candidates that could not be judged score lowest, with a note.
/// </summary>
public sealed class UnitTestEvaluatorComponent : IArchitectureComponent
{
    public async Task<ComponentOutput> RunAsync(ComponentContext context, IModelCallScheduler scheduler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var c = context.Config;
        var input = context.Input.Candidates;
        var tests = context.Input.UnitTests;
        var notes = new List<ExecutionNote>();
        if (tests.Count == 0 || input.Count == 0)
        {
            notes.Add(context.Note("fallback", "no unit tests or no candidates; candidates pass through unchanged"));
            return new ComponentOutput(input, notes);
        }

        var pack = context.Prompts;
        var query = c.RemoveUnitTestsFromPrompt ? context.OriginalQuery : context.Query;
        var testList = ComponentPrompts.UnitTests(pack, tests, PromptStages.UnitTestEvaluatorUnitTest);
        var plan = (from ci in Enumerable.Range(0, input.Count) from s in Enumerable.Range(0, c.Samples) select (ci, s)).ToList();
        // The system text and the conversation (with its tests appended) are the same for every candidate: built once,
        // not once per call (a 1,000-candidate layer rebuilt them 1,000 times).
        var system = pack.Text(PromptStages.UnitTestEvaluatorSystem);
        var conversation = context.Conversation;
        var requests = plan.Select(p => ModelCalls.Request(context, p.s, p.ci, PromptBuilder.Compose(system, conversation,
            pack.Render(PromptStages.UnitTestEvaluatorUser, ("query", query), ("candidate", input[p.ci].Text.Trim()), ("unit_tests", testList)),
            c.NoSystem))).ToList();
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

        return new ComponentOutput(Select(c.FirstK ?? (c.FirstPass ? 1 : null), c.TopK, judged), notes);
    }

    private static List<Candidate> Select(int? firstK, int? topK, List<(Candidate Candidate, int Score, bool AllPass, int Index)> judged)
    {
        if (firstK is { } k)
        {
            var passing = judged.Where(j => j.AllPass).Take(k).ToList();
            if (passing.Count == k)
            {
                return passing.Select(j => j.Candidate).ToList();
            }
        }

        var byScore = judged.OrderByDescending(j => j.Score).ThenBy(j => j.Index).ToList();
        return byScore.Take(topK ?? byScore.Count).Select(j => j.Candidate).ToList();
    }
}
