using System.Globalization;
using System.Text;

namespace Archon.Core.Evaluation.Datasets;

/// <summary>
/// Small Python function templates. Parameters vary per item; expected outputs of the hidden tests are computed here
/// in C#, independently of the canonical Python body, so a wrong template would fail its own canonical check.
/// </summary>
internal static class BuiltinCodeTasks
{
    public static BuiltinCodeTask Create(Random rng, int index)
    {
        var suffix = index.ToString("D3", CultureInfo.InvariantCulture);
        switch (index % 6)
        {
            case 0:
            {
                int a = rng.Next(2, 8), b = rng.Next(3, 12);
                var name = $"sum_multiples_{suffix}";
                var cases = new[] { 0, 1, 10, rng.Next(20, 60), rng.Next(100, 400) };
                return new(name,
                    Sig(name, "n", $"Return the sum of all positive integers below n that are divisible by {a} or by {b}."),
                    $"    return sum(i for i in range(1, n) if i % {a} == 0 or i % {b} == 0)\n",
                    Check(name, cases.Select(n => ($"{n}", Enumerable.Range(1, Math.Max(0, n - 1)).Where(i => i % a == 0 || i % b == 0).Sum().ToString(CultureInfo.InvariantCulture)))));
            }
            case 1:
            {
                int m = rng.Next(2, 7), r = rng.Next(0, m);
                var name = $"keep_residue_{suffix}";
                var cases = Enumerable.Range(0, 4).Select(_ => Enumerable.Range(0, rng.Next(0, 9)).Select(_ => rng.Next(-20, 50)).ToArray()).ToList();
                return new(name,
                    Sig(name, "xs", $"Return, in their original order, the elements x of the list xs with x % {m} == {r} (Python's modulo)."),
                    $"    return [x for x in xs if x % {m} == {r}]\n",
                    Check(name, cases.Select(xs => (PyList(xs), PyList(xs.Where(x => PyMod(x, m) == r))))));
            }
            case 2:
            {
                int mult = rng.Next(2, 5), add = rng.Next(1, 10), start = rng.Next(0, 5);
                var name = $"sequence_term_{suffix}";
                var cases = new[] { 0, 1, 2, rng.Next(3, 8), rng.Next(8, 15) };
                return new(name,
                    Sig(name, "n", $"The sequence starts at a(0) = {start} and a(k+1) = {mult} * a(k) + {add}. Return a(n) for n >= 0."),
                    $"    a = {start}\n    for _ in range(n):\n        a = {mult} * a + {add}\n    return a\n",
                    Check(name, cases.Select(n => ($"{n}", Term(start, mult, add, n).ToString(CultureInfo.InvariantCulture)))));
            }
            case 3:
            {
                var shift = rng.Next(1, 4);
                var name = $"rotate_{suffix}";
                var cases = Enumerable.Range(0, 4).Select(_ => (Xs: Enumerable.Range(0, rng.Next(0, 7)).Select(_ => rng.Next(0, 10)).ToArray(), K: rng.Next(0, 9))).ToList();
                return new(name,
                    Sig(name, "xs, k", $"Return a new list: xs rotated to the left by k + {shift} positions (wrapping around). An empty list stays empty."),
                    $"    if not xs:\n        return []\n    s = (k + {shift}) % len(xs)\n    return xs[s:] + xs[:s]\n",
                    Check(name, cases.Select(c => ($"{PyList(c.Xs)}, {c.K}", PyList(Rotate(c.Xs, c.K + shift))))));
            }
            case 4:
            {
                var minRun = rng.Next(2, 4);
                var name = $"long_runs_{suffix}";
                var cases = Enumerable.Range(0, 4).Select(_ => new string(Enumerable.Range(0, rng.Next(0, 14)).Select(_ => "ab"[rng.Next(2)]).ToArray())).ToList();
                return new(name,
                    Sig(name, "s", $"Return the number of maximal runs of equal consecutive characters in the string s whose length is at least {minRun}."),
                    $"    count, i = 0, 0\n    while i < len(s):\n        j = i\n        while j < len(s) and s[j] == s[i]:\n            j += 1\n        if j - i >= {minRun}:\n            count += 1\n        i = j\n    return count\n",
                    Check(name, cases.Select(s => ($"'{s}'", Runs(s, minRun).ToString(CultureInfo.InvariantCulture)))));
            }
            default:
            {
                var weight = rng.Next(2, 6);
                var name = $"weighted_digits_{suffix}";
                var cases = new[] { 0, rng.Next(1, 10), rng.Next(10, 100), rng.Next(100, 100000), rng.Next(100000, 10000000) };
                return new(name,
                    Sig(name, "n", $"For a non-negative integer n, return the sum of its decimal digits where every digit in an even position counting from the right (position 0 is the last digit) is multiplied by {weight}."),
                    $"    total, pos = 0, 0\n    while True:\n        d = n % 10\n        total += d * {weight} if pos % 2 == 0 else d\n        n //= 10\n        pos += 1\n        if n == 0:\n            return total\n",
                    Check(name, cases.Select(n => ($"{n}", Weighted(n, weight).ToString(CultureInfo.InvariantCulture)))));
            }
        }
    }

    private static string Sig(string name, string args, string doc) => $"def {name}({args}):\n    \"\"\"{doc}\n    \"\"\"\n";

    private static string Check(string name, IEnumerable<(string Args, string Expected)> cases)
    {
        var sb = new StringBuilder("\n\ndef check(candidate):\n");
        foreach (var (args, expected) in cases)
        {
            sb.Append(CultureInfo.InvariantCulture, $"    assert candidate({args}) == {expected}\n");
        }

        return sb.ToString();
    }

    private static string PyList(IEnumerable<int> xs) => "[" + string.Join(", ", xs) + "]";

    private static int PyMod(int x, int m) => ((x % m) + m) % m;

    private static long Term(long a, int mult, int add, int n)
    {
        for (var i = 0; i < n; i++) { a = mult * a + add; }
        return a;
    }

    private static int[] Rotate(int[] xs, int k)
    {
        if (xs.Length == 0) { return []; }
        var s = k % xs.Length;
        return [.. xs[s..], .. xs[..s]];
    }

    private static int Runs(string s, int min)
    {
        int count = 0, i = 0;
        while (i < s.Length)
        {
            var j = i;
            while (j < s.Length && s[j] == s[i]) { j++; }
            if (j - i >= min) { count++; }
            i = j;
        }

        return count;
    }

    private static long Weighted(long n, int w)
    {
        long total = 0;
        var pos = 0;
        do
        {
            var d = n % 10;
            total += pos % 2 == 0 ? d * w : d;
            n /= 10;
            pos++;
        } while (n > 0);
        return total;
    }
}
