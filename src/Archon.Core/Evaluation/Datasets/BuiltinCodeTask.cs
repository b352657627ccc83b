namespace Archon.Core.Evaluation.Datasets;

/// <summary>A generated code task in HumanEval shape: signature+docstring prompt, canonical body, check() tests.</summary>
internal sealed record BuiltinCodeTask(string EntryPoint, string Prompt, string CanonicalBody, string Tests);
