namespace Archon.Core.Search;

/// <summary>Derived views of a list of observations: the highest-fidelity observation per point and the budget used.</summary>
public sealed class SearchHistory
{
    public SearchHistory(IReadOnlyList<Observation> observations, double lambda)
    {
        Observations = observations;
        Lambda = lambda;
        Latest = observations.GroupBy(o => o.Point.Key).ToDictionary(g => g.Key, g => g.MaxBy(o => o.Fidelity)!);
        EvaluationsUsed = Latest.Values.Sum(o => o.Fidelity);
    }

    public IReadOnlyList<Observation> Observations { get; }

    public double Lambda { get; }

    /// <summary>Highest-fidelity observation of each evaluated point, by key.</summary>
    public IReadOnlyDictionary<string, Observation> Latest { get; }

    /// <summary>Full-evaluation equivalents: nested item subsets mean a point costs its highest fidelity once.</summary>
    public double EvaluationsUsed { get; }

    public bool IsEvaluated(SearchPoint point) => Latest.ContainsKey(point.Key);

    public double Objective(Observation o) => o.Score - Lambda * o.CostUsd;

    /// <summary>Best full-fidelity observation by objective (ties: earliest), or null.</summary>
    public Observation? BestFull() => Latest.Values.Where(o => o.Fidelity >= 1).OrderByDescending(Objective)
        .ThenBy(o => IndexOf(o)).FirstOrDefault();

    private int IndexOf(Observation o)
    {
        for (var i = 0; i < Observations.Count; i++)
        {
            if (ReferenceEquals(Observations[i], o))
            {
                return i;
            }
        }

        return int.MaxValue;
    }
}
