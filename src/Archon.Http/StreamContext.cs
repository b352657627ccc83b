using Archon.Core.Streaming;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Archon.Http;

/// <summary>Everything one streamed completion needs (a new one, or one resumed through Last-Event-ID).</summary>
/// <param name="SkipThrough">Numbered events the client already has (-1 = none).</param>
internal sealed record StreamContext(
    string Id,
    string Model,
    long Created,
    int Choices,
    bool IncludeUsage,
    IReadOnlyList<string> Ignored,
    int SkipThrough,
    bool Resumed,
    string Fingerprint,
    DurableTaskClient Client,
    IStreamRelay Relay,
    ArchonApiOptions Options,
    TimeProvider Time,
    ILogger Logger);
