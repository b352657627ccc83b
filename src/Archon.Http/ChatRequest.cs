using Archon.Core.Architecture;
using Archon.Core.Execution;

namespace Archon.Http;

/// <summary>A validated POST /v1/chat/completions body.</summary>
/// <param name="Ignored">Fields accepted but ignored (see <see cref="ChatRequestFields.ArchitectureDecided"/>), in request order.</param>
public sealed record ChatRequest(
    ArchitectureConfig Architecture,
    IReadOnlyList<ChatTurn> Messages,
    bool Stream,
    bool IncludeUsage,
    int Choices,
    IReadOnlyList<string> Ignored);
