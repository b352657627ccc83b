namespace Archon.Offline.Simulation;

/// <summary>
/// Deterministic pseudo-randomness keyed by strings (seed, model, item, role, sample, …): the same call always gets
/// the same draw, independent of call order, threads or the runtime's string-hash seed.
/// </summary>
internal static class SimRandom
{
    public static ulong Hash(int seed, params string?[] keys)
    {
        var h = 14695981039346656037UL ^ (ulong)(uint)seed;
        foreach (var k in keys)
        {
            foreach (var c in k ?? "\0") { h = (h ^ c) * 1099511628211UL; }
            h = (h ^ 0xFF) * 1099511628211UL;
        }

        // SplitMix64 finaliser spreads the FNV state over all bits.
        h += 0x9E3779B97F4A7C15UL;
        h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9UL;
        h = (h ^ (h >> 27)) * 0x94D049BB133111EBUL;
        return h ^ (h >> 31);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public static double Uniform(int seed, params string?[] keys) => (Hash(seed, keys) >> 11) * (1.0 / (1UL << 53));

    /// <summary>Standard normal (Box–Muller over two keyed uniforms).</summary>
    public static double Normal(int seed, params string?[] keys)
    {
        var u1 = Math.Max(1e-12, Uniform(seed, [.. keys, "n1"]));
        var u2 = Uniform(seed, [.. keys, "n2"]);
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    public static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
}
