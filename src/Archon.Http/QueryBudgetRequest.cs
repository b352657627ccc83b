using System.Globalization;
using System.Text.Json;
using Archon.Core.Architecture;
using Archon.Core.Execution;
using Archon.Core.Providers;
using Archon.Durable.Contracts;
using Microsoft.AspNetCore.Http;

namespace Archon.Http;

/// <summary>
/// The per-query budget of an API request and the checks made before anything is scheduled: the architecture's size
/// limits, then its planned calls against the budget. A request may lower the server's default budget with
/// <c>budget: {max_calls, max_dollars}</c> and may raise it up to the configured caps, never beyond.
/// </summary>
public static class QueryBudgetRequest
{
    private static readonly string[] Fields = ["max_calls", "max_dollars"];

    /// <summary><c>budget</c> (optional): the server default with the request's limits in place of the defaults.</summary>
    public static (QueryBudget? Budget, IResult? Error) Parse(JsonElement root, ArchonApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var budget = options.DefaultBudget;
        if (!root.TryGetProperty("budget", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return (budget, null);
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            return (null, ApiErrors.BadRequest("budget", "must be an object with max_calls and/or max_dollars"));
        }

        foreach (var property in value.EnumerateObject())
        {
            if (!Fields.Contains(property.Name, StringComparer.Ordinal))
            {
                return (null, ApiErrors.BadRequest($"budget.{property.Name}", $"unknown field (valid: {string.Join(", ", Fields)})"));
            }
        }

        if (value.TryGetProperty("max_calls", out var calls))
        {
            if (calls.ValueKind != JsonValueKind.Number || !calls.TryGetInt32(out var n) || n < 1 || n > options.MaxCallsPerQueryCap)
            {
                return (null, ApiErrors.BadRequest("budget.max_calls", $"must be a whole number from 1 to {options.MaxCallsPerQueryCap} (the server's cap)"));
            }

            budget = budget with { MaxCalls = n };
        }

        if (value.TryGetProperty("max_dollars", out var dollars))
        {
            if (dollars.ValueKind != JsonValueKind.Number || !dollars.TryGetDecimal(out var d) || d <= 0 || d > options.MaxDollarsPerQueryCap)
            {
                return (null, ApiErrors.BadRequest("budget.max_dollars",
                    string.Create(CultureInfo.InvariantCulture, $"must be a number above 0 and at most {options.MaxDollarsPerQueryCap} (the server's cap)")));
            }

            budget = budget with { MaxCostUsd = d };
        }

        return (budget, null);
    }

    /// <summary>Size limits, then planned calls against the budget: a 400 naming the field and the limit, or null.</summary>
    public static IResult? Check(ArchitectureConfig architecture, QueryBudget budget, ExecutionLimits limits, string field)
    {
        ArgumentNullException.ThrowIfNull(budget);
        ArgumentNullException.ThrowIfNull(limits);
        if (limits.Check(architecture, field) is { } problem)
        {
            return ApiErrors.BadRequest(problem.Field, problem.Rule);
        }

        var planned = CallPlanner.Total(architecture);
        return budget.MaxCalls is { } max && planned > max
            ? ApiErrors.BadRequest("budget.max_calls", string.Create(CultureInfo.InvariantCulture,
                $"architecture '{architecture.Name}' plans {planned} model calls per query, over this request's budget of {max}"))
            : null;
    }

    /// <summary>Prices of the architecture's models from the host catalog (unknown models are left out and count as free).</summary>
    public static IReadOnlyDictionary<string, ModelPrice>? Prices(ArchitectureConfig architecture, ModelCatalog? catalog)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        if (catalog is null)
        {
            return null;
        }

        var prices = new Dictionary<string, ModelPrice>(StringComparer.Ordinal);
        foreach (var model in architecture.ModelIds())
        {
            if (catalog.TryResolve(model, out var entry))
            {
                prices[model] = new ModelPrice(entry.InputPricePerMillion, entry.OutputPricePerMillion);
            }
        }

        return prices;
    }
}
