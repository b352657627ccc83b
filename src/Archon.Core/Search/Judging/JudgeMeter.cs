namespace Archon.Core.Search.Judging;

/// <summary>
/// Counts a search's scoring calls — the judge's and the pairwise baseline model's answers — made (paid) and served from
/// the response cache, and their dollar cost, separately
/// from the candidates' own model calls. Totals are kept for the whole process; <see cref="BeginScope"/> also collects
/// the calls made while scoring one candidate (an async-local scope flows into the judge calls the scorer awaits), so
/// each candidate result carries its own judge figures even when candidates are scored concurrently.
/// </summary>
public sealed class JudgeMeter
{
    private readonly AsyncLocal<JudgeTally?> _scope = new();
    private readonly JudgeTally _total = new();

    public JudgeUsage Total => _total.Snapshot();

    /// <summary>Starts collecting the judge calls of the current async flow; dispose the scope to stop.</summary>
    public JudgeScope BeginScope()
    {
        var tally = new JudgeTally();
        _scope.Value = tally;
        return new JudgeScope(tally, () => _scope.Value = null);
    }

    internal void Record(bool cached, double costUsd)
    {
        _total.Add(cached, costUsd);
        _scope.Value?.Add(cached, costUsd);
    }
}

/// <summary>Judge calls made vs served from cache, and the dollars the made ones cost.</summary>
public sealed record JudgeUsage(long CallsMade, long CallsCached, double CostUsd);

/// <summary>A thread-safe running count of judge calls (one scope, or the process total).</summary>
public sealed class JudgeTally
{
    private readonly Lock _gate = new();
    private long _made;
    private long _cached;
    private double _cost;

    public void Add(bool cached, double costUsd)
    {
        lock (_gate)
        {
            if (cached)
            {
                _cached++;
            }
            else
            {
                _made++;
                _cost += costUsd;
            }
        }
    }

    public JudgeUsage Snapshot()
    {
        lock (_gate)
        {
            return new JudgeUsage(_made, _cached, _cost);
        }
    }
}

/// <summary>The judge calls of one async flow (e.g. scoring one candidate), until disposed.</summary>
public sealed class JudgeScope(JudgeTally tally, Action onDispose) : IDisposable
{
    public JudgeUsage Snapshot() => tally.Snapshot();

    public void Dispose() => onDispose();
}
