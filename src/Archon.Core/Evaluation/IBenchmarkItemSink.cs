namespace Archon.Core.Evaluation;

/// <summary>
/// Told about every benchmark item a search or evaluation loads. The SIMULATED fleet uses it to learn the answer key,
/// so simulated models can be right or wrong about the items; real providers need none.
/// </summary>
public interface IBenchmarkItemSink
{
    void Register(IEnumerable<BenchmarkItem> items);
}
