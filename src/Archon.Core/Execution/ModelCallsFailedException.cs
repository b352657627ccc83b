
namespace Archon.Core.Execution;

/// <summary>
/// Every model call of a layer failed after the provider stack's retries. The message carries the providers' errors,
/// so the orchestration's failure details (and GET /api/inference/{id}) show why.
/// </summary>
public sealed class ModelCallsFailedException(int layer, IReadOnlyList<TraceEntry> failed)
    : Exception(Describe(layer, failed))
{
    public int Layer { get; } = layer;

    /// <summary>The layer's calls, all failed.</summary>
    public IReadOnlyList<TraceEntry> Calls { get; } = failed;

    private static string Describe(int layer, IReadOnlyList<TraceEntry> failed)
    {
        var errors = failed
            .GroupBy(e => (e.Request.ModelId, e.Result.Error ?? "no text returned"))
            .Select(g => $"{g.Key.ModelId}: {g.Key.Item2} (x{g.Count()})");
        return $"layer {layer}: all {failed.Count} model calls failed: {string.Join("; ", errors)}";
    }
}
