using Microsoft.Extensions.Options;

namespace Archon.Core.Evaluation.Sandbox;

/// <summary>For hosts that bind <see cref="CodeSandboxOptions"/> with <c>ValidateOnStart</c>.</summary>
public sealed class CodeSandboxOptionsValidator : IValidateOptions<CodeSandboxOptions>
{
    public ValidateOptionsResult Validate(string? name, CodeSandboxOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
