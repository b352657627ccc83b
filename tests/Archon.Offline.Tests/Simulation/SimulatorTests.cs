using Archon.Core.Evaluation;
using Archon.Core.Evaluation.Datasets;
using Archon.Core.Evaluation.Scoring;
using Archon.Core.Execution;
using Archon.Core.Parsing;
using Archon.Core.Prompts;
using Archon.Offline.Simulation;
using Archon.TestSupport;
using Microsoft.Extensions.AI;

namespace Archon.Offline.Tests.Simulation;

public sealed class SimulatorTests
{
    private static readonly DatasetDirectory Datasets = new(TestPaths.DatasetsDir);
    private static readonly SimModelProfile Large = SimFleet.Default.Single(p => p.Id == "sim-large-70b");

    private static (SimulatedChatClient Client, SimulatorKnowledge Knowledge) Client(IEnumerable<BenchmarkItem> items, SimModelProfile? profile = null, int seed = 0)
    {
        var knowledge = new SimulatorKnowledge();
        knowledge.Register(items);
        return (new SimulatedChatClient(profile ?? Large, knowledge, seed), knowledge);
    }

    private static ChatOptions Meta(string role, string itemId, int sample = 0, string callId = "L0.C0.x.s0") => new()
    {
        Temperature = 0.7f,
        AdditionalProperties = new AdditionalPropertiesDictionary
        {
            ["archon.role"] = role, ["archon.item_id"] = itemId, ["archon.sample_index"] = sample.ToString(System.Globalization.CultureInfo.InvariantCulture), ["archon.call_id"] = callId,
        },
    };

    private static async Task<string> Ask(IChatClient c, (string System, string User) prompt, ChatOptions options) =>
        (await c.GetResponseAsync([new ChatMessage(ChatRole.System, prompt.System), new ChatMessage(ChatRole.User, prompt.User)], options)).Text;

    // Generators send the conversation unchanged: no system message of ours.
    private static async Task<string> AskUser(IChatClient c, string user, ChatOptions options) =>
        (await c.GetResponseAsync([new ChatMessage(ChatRole.User, user)], options)).Text;

    [Fact]
    public async Task GetResponseAsync_SameInputs_IdenticalAndLabelledSimulated()
    {
        var item = BuiltinBenchmark.Generate(3)[0];
        var (a, _) = Client([item]);
        var (b, _) = Client([item]);
        var r1 = await a.GetResponseAsync([new ChatMessage(ChatRole.User, item.Turns[0])], Meta("generator", item.Id));
        var r2 = await b.GetResponseAsync([new ChatMessage(ChatRole.User, item.Turns[0])], Meta("generator", item.Id));
        Assert.Equal(r1.Text, r2.Text);
        Assert.Contains("SIMULATED", r1.Text, StringComparison.Ordinal);
        Assert.Equal(true, r1.AdditionalProperties![SimulatedChatClient.SimulatedFlag]);
        Assert.True(r1.Usage!.OutputTokenCount > 0);
    }

    [Fact]
    public async Task Generate_MathAndCodeItems_AnswersParsedByRealScorers()
    {
        var items = BuiltinBenchmark.Generate(4, 30, 0).Concat(Math500Loader.Load(Datasets).Take(30)).ToList();
        var (client, _) = Client(items, SimFleet.Default.Single(p => p.Id == "sim-frontier"));
        var correct = 0;
        foreach (var item in items)
        {
            var text = await AskUser(client, item.Turns[0], Meta("generator", item.Id));
            IScorer scorer = item.Family == "builtin-math" ? new Gsm8kScorer() : new MathScorer();
            var score = await scorer.ScoreAsync(item, text, default);
            Assert.NotNull(score.Extracted);
            correct += (int)score.Value;
        }

        Assert.InRange(correct, 15, 59); // a strong but fallible model
    }

    [Fact]
    public void Distractors_AllMathAndBuiltinItems_JudgedWrongByScorers()
    {
        var items = Math500Loader.Load(Datasets).Concat(Gsm8kLoader.Load(Datasets)).Concat(BuiltinBenchmark.Generate(1, 60, 0));
        var accepted = new List<string>();
        foreach (var item in items)
        {
            var key = new SimAnswerKey(item);
            Assert.Equal(3, key.Distractors.Count);
            foreach (var d in key.Distractors)
            {
                var text = key.Kind == SimAnswerKind.Latex ? $"so $\\boxed{{{d}}}$" : $"The answer is {d}.";
                var ok = key.Kind == SimAnswerKind.Latex ? MathEquivalence.AreEquivalent(MathAnswerExtractor.Extract(text), item.Reference)
                    : Gsm8kAnswerExtractor.Extract(text) == Gsm8kAnswerExtractor.ParseNumber(item.Reference!);
                if (ok) { accepted.Add($"{item.Id}: distractor {d}"); }
            }

            Assert.True(key.IsCorrect(key.ValueOf(key.Kind == SimAnswerKind.Latex ? $"$\\boxed{{{key.Correct}}}$" : $"The answer is {key.Correct}.")));
        }

        Assert.Empty(accepted);
    }

    [Fact]
    public async Task Distractors_BuiltinCode_FailInSandbox()
    {
        var items = BuiltinBenchmark.Generate(2, 0, 6);
        var scorer = new CodeExecutionScorer();
        var passed = new List<string>();
        foreach (var item in items)
        {
            var key = new SimAnswerKey(item);
            var scores = await Task.WhenAll(key.Distractors.Select(d => scorer.ScoreAsync(item, "```python\n" + d + "\n```", default)));
            passed.AddRange(scores.Where(s => s.Correct).Select(s => item.Id));
            Assert.True((await scorer.ScoreAsync(item, "```python\n" + key.Correct + "\n```", default)).Correct);
        }

        Assert.True(passed.Count <= 1, "distractors that pass: " + string.Join(", ", passed)); // an operator swap can be harmless
    }

    [Fact]
    public async Task RoleOutputs_ParsedByCoreParsers()
    {
        var item = BuiltinBenchmark.Generate(5, 1, 0)[0];
        var (client, _) = Client([item]);
        var key = new SimAnswerKey(item);
        Candidate Cand(string id, string value) => new(id, $"[SIMULATED x]\nThe answer is {value}.", "g", 0);
        var candidates = new[] { Cand("a", key.Correct), Cand("b", key.Distractors[0]), Cand("c", key.Correct) };
        var query = item.Turns[0];

        var ranking = await Ask(client, DefaultPackPrompts.Ranker(query, candidates), Meta("ranker", item.Id));
        Assert.True(RankingParser.Parse(ranking, 3).Succeeded, ranking);
        var critique = await Ask(client, DefaultPackPrompts.Critic(query, candidates), Meta("critic", item.Id));
        var critiques = CritiqueParser.Parse(critique, 3);
        Assert.True(critiques.Succeeded, critique);
        var fused = await Ask(client, DefaultPackPrompts.Fuser(query, candidates), Meta("fuser", item.Id));
        Assert.NotNull(Gsm8kAnswerExtractor.Extract(fused));
        var tests = await Ask(client, DefaultPackPrompts.UnitTestGenerator(query, 2), Meta("unit_test_generator", item.Id));
        var testList = UnitTestListParser.Parse(tests, 2);
        Assert.True(testList.Succeeded, tests);
        Assert.Equal(2, testList.Value!.Count);
        var verdicts = await Ask(client, DefaultPackPrompts.UnitTestEvaluator(query, candidates[0], testList.Value), Meta("unit_test_evaluator", item.Id));
        Assert.True(UnitTestVerdictParser.Parse(verdicts, 2).Succeeded, verdicts);
        var verdict = await Ask(client, DefaultPackPrompts.VerifierVerdict(query, candidates[1], "reasoning"), Meta("verifier", item.Id));
        Assert.True(VerdictParser.Parse(verdict).Succeeded, verdict);
    }

    [Fact]
    public async Task Respond_NoMetadata_RoleAndItemInferredFromPrompt()
    {
        var item = BuiltinBenchmark.Generate(6, 1, 0)[0];
        var (client, _) = Client([item]);
        var key = new SimAnswerKey(item);
        var candidates = new[] { new Candidate("a", $"The answer is {key.Correct}.", "g", 0), new Candidate("b", $"The answer is {key.Distractors[0]}.", "g", 0) };
        var ranking = await Ask(client, DefaultPackPrompts.Ranker(item.Turns[0], candidates), new ChatOptions());
        Assert.True(RankingParser.Parse(ranking, 2).Succeeded, ranking);
        var answer = await AskUser(client, item.Turns[0], new ChatOptions());
        Assert.NotNull(key.ValueOf(answer));
    }

    [Fact]
    public async Task Critic_SkilledModel_FlagsWrongCandidatesMoreOftenThanWeak()
    {
        var items = BuiltinBenchmark.Generate(8, 80, 0);
        async Task<int> RightCalls(string model)
        {
            var (client, _) = Client(items, SimFleet.Default.Single(p => p.Id == model));
            var right = 0;
            foreach (var item in items)
            {
                var key = new SimAnswerKey(item);
                var cands = new[] { new Candidate("a", $"The answer is {key.Correct}.", "g", 0), new Candidate("b", $"The answer is {key.Distractors[0]}.", "g", 0) };
                var critiques = CritiqueParser.Parse(await Ask(client, DefaultPackPrompts.Critic(item.Turns[0], cands), Meta("critic", item.Id)), 2).Value!;
                right += (critiques[0].Contains("likely wrong", StringComparison.Ordinal) ? 0 : 1) + (critiques[1].Contains("likely wrong", StringComparison.Ordinal) ? 1 : 0);
            }

            return right;
        }

        Assert.True(await RightCalls("sim-frontier") > await RightCalls("sim-tiny-1b") + 20);
    }
}
