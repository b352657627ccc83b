namespace Archon.Core.Evaluation.Datasets;

/// <summary>Where each benchmark file is expected inside the dataset directory, and the public copy it comes from.</summary>
public static class DatasetFiles
{
    public static readonly DatasetFile Gsm8k = new("gsm8k/test.jsonl",
        "github.com/openai/grade-school-math, grade_school_math/data/test.jsonl");

    public static readonly DatasetFile Math500 = new("math500/test.jsonl",
        "github.com/openai/prm800k, prm800k/math_splits/test.jsonl (byte-identical mirror: github.com/ZubinGou/math-evaluation-harness, data/math_oai/test.jsonl)");

    public static readonly DatasetFile HumanEval = new("humaneval/HumanEval.jsonl.gz",
        "github.com/openai/human-eval, data/HumanEval.jsonl.gz");

    public static readonly DatasetFile Mbpp = new("mbpp/mbpp.jsonl",
        "github.com/google-research/google-research, mbpp/mbpp.jsonl");

    public static readonly DatasetFile MtBenchQuestions = new("mt_bench/question.jsonl",
        "github.com/lm-sys/FastChat, fastchat/llm_judge/data/mt_bench/question.jsonl");

    public static readonly DatasetFile MtBenchReferences = new("mt_bench/reference_answer/gpt-4.jsonl",
        "github.com/lm-sys/FastChat, fastchat/llm_judge/data/mt_bench/reference_answer/gpt-4.jsonl");

    public static readonly DatasetFile MtBenchJudgePrompts = new("mt_bench/judge_prompts.jsonl",
        "github.com/lm-sys/FastChat, fastchat/llm_judge/data/judge_prompts.jsonl");

    public static readonly DatasetFile ArenaHardV01Questions = new("arena_hard_auto/v0.1/question.jsonl",
        "github.com/lmarena/arena-hard-auto, data/arena-hard-v0.1/question.jsonl");

    public static readonly DatasetFile ArenaHardV01Baseline = new("arena_hard_auto/v0.1/model_answer/gpt-4-0314.jsonl",
        "github.com/lmarena/arena-hard-auto, data/arena-hard-v0.1/model_answer/gpt-4-0314.jsonl");

    public static readonly DatasetFile ArenaHardV20Questions = new("arena_hard_auto/v2.0/question.jsonl",
        "github.com/lmarena/arena-hard-auto, data/arena-hard-v2.0/question.jsonl");

    public static readonly DatasetFile ArenaHardV20Baseline = new("arena_hard_auto/v2.0/model_answer/o3-mini-2025-01-31.jsonl",
        "github.com/lmarena/arena-hard-auto, data/arena-hard-v2.0/model_answer/o3-mini-2025-01-31.jsonl");

    public static readonly DatasetFile ArenaHardJudgeSettings = new("arena_hard_auto/judge_settings.json",
        "string constants OG_ARENA_HARD_PROMPT and JUDGE_SETTINGS from github.com/lmarena/arena-hard-auto, utils/judge_utils.py");

    public static readonly DatasetFile AlpacaEvalReference = new("alpaca_eval/results/gpt4_1106_preview/model_outputs.json",
        "github.com/tatsu-lab/alpaca_eval, results/gpt4_1106_preview/model_outputs.json");

    public static readonly DatasetFile AlpacaEvalJudgePrompt = new("alpaca_eval/evaluator_configs/alpaca_eval_clf_gpt4_turbo/alpaca_eval_clf.txt",
        "github.com/tatsu-lab/alpaca_eval, src/alpaca_eval/evaluators_configs/alpaca_eval_clf_gpt4_turbo/alpaca_eval_clf.txt");

    public static readonly DatasetFile MixEvalPrompts = new("mixeval/prompts.json",
        "github.com/Psycoy/MixEval, mix_eval/prompts/judge_prompts.py and evaluation_prompts.py (rendered as JSON)");

    public static DatasetFile MixEval(bool hard, string split) => new($"mixeval/{(hard ? "mixeval-hard" : "mixeval")}/{split}.json",
        $"github.com/Psycoy/MixEval, mix_eval/data/mixeval-2024-06-01/{(hard ? "mixeval-hard" : "mixeval")}/{split}.json");

    public static readonly DatasetFile CodeContests = new("code_contests/test.jsonl",
        "huggingface.co/datasets/deepmind/code_contests (test split; JSONL export of the upstream records, see docs/evaluation.md)");

    public static readonly DatasetFile AlpacaEvalInstructionDifficulty = new("alpaca_eval/instruction_difficulty.csv",
        "huggingface.co/datasets/tatsu-lab/alpaca_eval, instruction_difficulty.csv (used by alpaca_eval's glm_winrate)");
}
