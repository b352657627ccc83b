using System.Security.Cryptography;
using System.Text;
using Archon.Core.Architecture;

namespace Archon.Core.Search;

/// <summary>
/// Identifies the first n layers of an architecture by content (types, models, sampling settings, ranker/critic
/// options; not the architecture's name). Two candidates with equal prefix keys produce the same state after those
/// layers for a given item and sample seed, so the state can be computed once and shared.
/// </summary>
public static class PrefixKey
{
    public static string For(ArchitectureConfig config, int layerCount)
    {
        var text = new StringBuilder();
        foreach (var layer in config.Layers.Take(layerCount))
        {
            text.Append('[');
            foreach (var c in layer.Components)
            {
                text.Append(FormattableString.Invariant(
                    $"{c.Type}|{c.Model}|{c.ModelType}|{c.Temperature:R}|{c.MaxTokens}|{c.Samples}|{c.TopK}|{c.FirstK}|{c.FirstPass}|{c.LengthControl}|{c.UseCritiques}|{c.UnitTestCap}|{c.RemoveUnitTestsFromPrompt}|{c.NoSystem};"));
                foreach (var (k, v) in c.Extra.OrderBy(e => e.Key, StringComparer.Ordinal))
                {
                    text.Append(k).Append('=').Append(v.GetRawText()).Append(';');
                }
            }

            text.Append(']');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..32];
    }
}
