namespace Archon.Core.Evaluation;

/// <summary>One <see cref="BenchmarkCard"/> per registered benchmark (kept next to the registry; docs/evaluation.md mirrors it).</summary>
public static class BenchmarkCards
{
    private const string NoJudge = "none";

    private static readonly Dictionary<string, BenchmarkCard> Cards = new(StringComparer.OrdinalIgnoreCase)
    {
        ["builtin"] = new("builtin", "accuracy (code: pass@1)", "final number; sandboxed hidden tests", NoJudge, "generated from --seed (no download)"),
        ["gsm8k"] = new("gsm8k", "accuracy", "final number after ####, \\boxed{}, 'The answer is', else the last number", NoJudge, "gsm8k/test.jsonl (openai/grade-school-math)"),
        ["math500"] = new("math500", "accuracy", "last \\boxed{}, normalised + numeric equivalence", NoJudge, "math500/test.jsonl (PRM800K MATH-500)"),
        ["humaneval"] = new("humaneval", "pass@1", "prompt + completion + check() in the Python sandbox", NoJudge, "humaneval/HumanEval.jsonl.gz (openai/human-eval)"),
        ["mbpp"] = new("mbpp", "pass@1", "solution + setup + 3 asserts in the Python sandbox (task ids 11–510)", NoJudge, "mbpp/mbpp.jsonl (google-research/mbpp)"),
        ["code_contests"] = new("code_contests", "pass@1 (pass@k unbiased over samples)",
            "stdin/stdout Python 3 program per private test, time limit per test, whitespace-token compare with 1e-6 float tolerance", NoJudge,
            "code_contests/test.jsonl (deepmind/code_contests test split, exported to JSONL)"),
        ["mixeval"] = new("mixeval", "accuracy: overall + per source benchmark, count-weighted over both files",
            "--parser rule (default, upstream rule-based parser) or model (LLM parser with prompts.json)", "model parser only: --judge (upstream gpt-3.5-turbo-0125)",
            "mixeval/mixeval/{free-form,multiple-choice}.json + mixeval/prompts.json (Psycoy/MixEval 2024-06-01)"),
        ["mixeval_hard"] = new("mixeval_hard", "accuracy: overall + per source benchmark, count-weighted over both files",
            "--parser rule (default) or model", "model parser only: --judge (upstream gpt-3.5-turbo-0125)",
            "mixeval/mixeval-hard/{free-form,multiple-choice}.json + mixeval/prompts.json (Psycoy/MixEval 2024-06-01)"),
        ["mt_bench"] = new("mt_bench", "--metric single: mean rating 1–10; --metric pairwise: win rate vs baseline (tie = ½)",
            "FastChat single-v1 / single-math-v1 (+ -multi-turn); pairwise pair-v2 / pair-math-v1 per turn, both orders", "--judge (upstream gpt-4)",
            "mt_bench/question.jsonl, judge_prompts.jsonl, reference_answer/gpt-4.jsonl (lm-sys/FastChat); pairwise baseline: --baseline-answers"),
        ["arena_hard_v0.1"] = new("arena_hard_v0.1", "win rate vs gpt-4-0314 (Bradley–Terry, >> weight 3)", "[[A>>B]] … [[B>>A]] verdicts, both positions",
            "--judge (upstream gpt-4-1106-preview)", "arena_hard_auto/v0.1 (lmarena/arena-hard-auto)"),
        ["arena_hard_v2.0"] = new("arena_hard_v2.0", "win rate vs o3-mini (Bradley–Terry)", "[[A>>B]] … [[B>>A]] verdicts, both positions",
            "--judge (upstream gpt-4.1)", "arena_hard_auto/v2.0 (lmarena/arena-hard-auto)"),
        ["alpaca_eval"] = new("alpaca_eval", "length-controlled win rate vs gpt4_1106_preview (raw win rate when instruction_difficulty.csv is absent)",
            "weighted_alpaca_eval_gpt4_turbo: m/M preference (logprob-weighted when available), GLM per evaluated model", "--judge (upstream gpt-4-1106-preview)",
            "alpaca_eval/results/gpt4_1106_preview/model_outputs.json + evaluator_configs (tatsu-lab/alpaca_eval); optional alpaca_eval/instruction_difficulty.csv"),
    };

    public static IReadOnlyCollection<BenchmarkCard> All => Cards.Values;

    public static BenchmarkCard? Find(string name) => Cards.GetValueOrDefault(name);
}
