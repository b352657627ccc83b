namespace Archon.Core.Execution;

/// <summary>A batch would break a hard budget; thrown before any of its calls is made.</summary>
public sealed class BudgetExceededException(string limit, string message) : Exception(message)
{
    /// <summary>calls, input_tokens, output_tokens or cost_usd.</summary>
    public string Limit { get; } = limit;
}
