namespace Archon.Core.Evaluation.Sandbox;

/// <summary>
/// One unit-test check. <see cref="Code"/> is what the candidate's interpreter loads (HumanEval: prompt + completion).
/// <see cref="Prompt"/> (HumanEval-style) is trusted dataset code the checker also runs for its helpers, then calls
/// <c>check(EntryPoint)</c>; without a prompt (MBPP) the tests are top-level asserts after <see cref="Setup"/>.
/// </summary>
public sealed record CodeCheck(string Code, string Tests, string EntryPoint, string? Prompt = null, string? Setup = null);
