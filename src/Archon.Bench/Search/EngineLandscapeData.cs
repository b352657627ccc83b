namespace Archon.Bench.Search;

/// <summary>
/// What building an engine landscape produced: per-(point, item) outcomes in [0, 1] (row = point, column = item), the
/// model calls computing every point on every item would need without reuse and the calls made with it, the build's
/// wall-clock seconds, the process CPU seconds it used (the machine may be shared: CPU time / cores is the
/// unshared figure) and the number of distinct layer prefixes.
/// </summary>
public sealed record EngineLandscapeData(
    int Points, int Items, float[] Outcomes, long CallsWithoutReuse, long CallsWithReuse, double Seconds, int Prefixes, double CpuSeconds = 0)
{
    public float Outcome(int point, int item) => Outcomes[(long)point * Items + item];
}
