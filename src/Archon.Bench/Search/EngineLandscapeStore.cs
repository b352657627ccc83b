using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Archon.Core.Evaluation;
using Archon.Core.Search;
using Archon.Core.Storage;
using Archon.Offline.Simulation;

namespace Archon.Bench.Search;

/// <summary>
/// Keeps engine landscapes in the result store (<c>bench/landscape/engine-{key}.bin</c>) so the expensive build runs
/// once: the key hashes the fleet (every SIMULATED profile and the fleet seed), the space (every point key and the
/// models each rank maps to) and the items (ids, prompts, references). Any change gives a new key, never a stale
/// landscape. Format: "ARCHONLS1", a length-prefixed JSON header (counts, calls, seconds), then the outcomes as
/// little-endian float32, point-major.
/// </summary>
public static class EngineLandscapeStore
{
    public const string Container = "bench";
    private static readonly byte[] Magic = "ARCHONLS1"u8.ToArray();

    public static string Key(IReadOnlyList<SimModelProfile> fleet, int fleetSeed, SearchSpace space, IReadOnlyList<BenchmarkItem> items)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(items);
        var text = new StringBuilder();
        text.Append(JsonSerializer.Serialize(fleet)).Append('|').Append(fleetSeed.ToString(CultureInfo.InvariantCulture)).Append('|');
        text.Append(string.Join(',', space.Encoder.Ranking.Generators.Select(g => g.Id))).Append('|');
        text.Append(string.Join(',', space.Encoder.Ranking.Fusers.Select(g => g.Id))).Append('|');
        foreach (var p in space.Points)
        {
            text.Append(p.Key).Append(',');
        }

        foreach (var item in items)
        {
            text.Append('|').Append(item.Id).Append('\n').Append(string.Join('\n', item.Turns)).Append('\n').Append(item.Reference);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..20];
    }

    public static string Name(string key) => $"landscape/engine-{key}.bin";

    public static async Task<EngineLandscapeData?> LoadAsync(IResultStore store, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var bytes = await store.GetBytesAsync(Container, Name(key), cancellationToken);
        return bytes is null ? null : Read(bytes);
    }

    public static Task SaveAsync(IResultStore store, string key, EngineLandscapeData data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.PutBytesAsync(Container, Name(key), Write(data), "application/octet-stream", cancellationToken);
    }

    public static byte[] Write(EngineLandscapeData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var header = JsonSerializer.SerializeToUtf8Bytes(new Header(data.Points, data.Items, data.CallsWithoutReuse, data.CallsWithReuse, data.Seconds, data.Prefixes, data.CpuSeconds));
        var bytes = new byte[Magic.Length + 4 + header.Length + 4L * data.Outcomes.Length];
        Magic.CopyTo(bytes, 0);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(Magic.Length), header.Length);
        header.CopyTo(bytes, Magic.Length + 4);
        var offset = Magic.Length + 4 + header.Length;
        for (var i = 0; i < data.Outcomes.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(offset + 4 * i), data.Outcomes[i]);
        }

        return bytes;
    }

    /// <summary>Null when the bytes are not a landscape of this format (a stale or foreign file is rebuilt, not trusted).</summary>
    public static EngineLandscapeData? Read(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length < Magic.Length + 4 || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            return null;
        }

        var headerLength = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(Magic.Length));
        var h = JsonSerializer.Deserialize<Header>(bytes.AsSpan(Magic.Length + 4, headerLength));
        var offset = Magic.Length + 4 + headerLength;
        if (h is null || bytes.Length != offset + 4L * h.Points * h.Items)
        {
            return null;
        }

        var outcomes = new float[h.Points * h.Items];
        for (var i = 0; i < outcomes.Length; i++)
        {
            outcomes[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(offset + 4 * i));
        }

        return new EngineLandscapeData(h.Points, h.Items, outcomes, h.CallsWithoutReuse, h.CallsWithReuse, h.Seconds, h.Prefixes, h.CpuSeconds);
    }

    private sealed record Header(int Points, int Items, long CallsWithoutReuse, long CallsWithReuse, double Seconds, int Prefixes, double CpuSeconds);
}
