using System.Text;

namespace Archon.Durable.Orchestrations;

/// <summary>
/// The earlier answers <see cref="PromptReferences"/> may replace, indexed by a rolling hash of their first
/// <see cref="Window"/> characters, so finding every answer quoted in a prompt is one pass over the prompt instead of one
/// substring search per answer. The old search was answers × prompts × prompt length: a 1,000-call layer over 1,000
/// earlier answers spent most of each orchestration replay there. Pure and deterministic (fixed-width integer hash).
/// </summary>
public sealed class AnswerIndex
{
    /// <summary>Characters hashed per position; every replaceable answer is at least this long.</summary>
    public const int Window = 32;

    private const ulong Base = 1_000_003;
    private static readonly ulong TopPower = Power(Base, Window - 1);

    private readonly IReadOnlyList<KeyValuePair<string, string>> _answers;
    private readonly Dictionary<ulong, List<int>> _byPrefix = [];

    // One bit per value of the hash's top 16 bits: most positions of a prompt start no answer, and this answers "no"
    // without a dictionary lookup (1,000 answers set about 1.5% of the bits).
    private readonly ulong[] _filter = new ulong[1 << 10];

    // The calls of one batch mostly share their messages (1,000 samples of one prompt): each distinct text is scanned once.
    private readonly Dictionary<string, (string Text, int[] Used)> _scanned = new(StringComparer.Ordinal);

    /// <param name="answers">Filtered and ordered by <see cref="PromptReferences.Replaceable"/> (longest first).</param>
    public AnswerIndex(IReadOnlyList<KeyValuePair<string, string>> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        _answers = answers;
        for (var i = 0; i < answers.Count; i++)
        {
            var text = answers[i].Value;
            if (text.Length < Window)
            {
                throw new ArgumentException($"answer {answers[i].Key} is shorter than the {Window}-character index window", nameof(answers));
            }

            var hash = Hash(text, 0);
            if (!_byPrefix.TryGetValue(hash, out var list))
            {
                _byPrefix[hash] = list = [];
            }

            // Kept in the given order (longest first, then call id), so the first full match is the one to take.
            list.Add(i);
            _filter[hash >> 54] |= 1UL << (int)((hash >> 48) & 63);
        }
    }

    public int Count => _answers.Count;

    public string CallId(int index) => _answers[index].Key;

    /// <summary>
    /// <paramref name="content"/> with every indexed answer it quotes replaced by the reference to its call
    /// (the same instance when nothing matched); the indices of the answers replaced are added to <paramref name="used"/>.
    /// </summary>
    public string Replace(string content, ISet<int> used)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(used);
        if (content.Length < Window || _answers.Count == 0)
        {
            return content;
        }

        if (_scanned.TryGetValue(content, out var seen))
        {
            used.UnionWith(seen.Used);
            return seen.Text;
        }

        var found = new List<int>();
        var replaced = Scan(content, found);
        used.UnionWith(found);
        _scanned[content] = (replaced, [.. found]);
        return replaced;
    }

    private string Scan(string content, List<int> used)
    {
        StringBuilder? sb = null;
        var copied = 0;
        var i = 0;
        var hash = Hash(content, 0);
        while (i + Window <= content.Length)
        {
            if (Match(content, i, hash) is { } found)
            {
                sb ??= new StringBuilder(content.Length);
                sb.Append(content, copied, i - copied).Append(PromptReferences.Token(_answers[found].Key));
                used.Add(found);
                i += _answers[found].Value.Length;
                copied = i;
                if (i + Window <= content.Length)
                {
                    hash = Hash(content, i);
                }

                continue;
            }

            if (i + Window < content.Length)
            {
                hash = unchecked(((hash - (content[i] * TopPower)) * Base) + content[i + Window]);
            }

            i++;
        }

        return sb is null ? content : sb.Append(content, copied, content.Length - copied).ToString();
    }

    private int? Match(string content, int at, ulong hash)
    {
        if ((_filter[hash >> 54] & (1UL << (int)((hash >> 48) & 63))) == 0 || !_byPrefix.TryGetValue(hash, out var list))
        {
            return null;
        }

        foreach (var index in list)
        {
            var text = _answers[index].Value;
            if (at + text.Length <= content.Length && content.AsSpan(at, text.Length).SequenceEqual(text))
            {
                return index;
            }
        }

        return null;
    }

    private static ulong Hash(string text, int start)
    {
        ulong hash = 0;
        for (var k = 0; k < Window; k++)
        {
            hash = unchecked((hash * Base) + text[start + k]);
        }

        return hash;
    }

    private static ulong Power(ulong value, int exponent)
    {
        ulong result = 1;
        for (var k = 0; k < exponent; k++)
        {
            result = unchecked(result * value);
        }

        return result;
    }
}
