namespace Archon.Core.Evaluation.MixEval;

/// <summary>How MixEval responses are read: <c>rule</c> (offline default, upstream's rule-based parsers) or
/// <c>model</c> (upstream's default: an LLM parser from the catalog with the prompts in <c>prompts.json</c>).</summary>
public enum MixEvalParser { Rule, Model }
