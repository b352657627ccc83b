namespace Archon.Core.Execution;

/// <summary>The worst case a batch was allowed to use, held until its results arrive.</summary>
public sealed record BudgetReservation(int Calls, long InputTokens, long OutputTokens, decimal CostUsd);
