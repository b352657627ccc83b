namespace Archon.Core.Storage;

/// <summary>
/// Every container and blob name Archon writes. Names derive only from ids the caller chose (instance id, search id,
/// candidate id), so a retried activity overwrites the same blob and a restarted search finds what it already did.
/// <list type="bullet">
/// <item><c>archon-traces/{instanceId}.json</c>: full model-call trace of one inference orchestration (<see cref="Trace"/>).</item>
/// <item><c>archon-traces/{instanceId}/calls/{callId}.json</c> and <c>…/batches/{firstCallId}.json</c>: the calls as the
/// model-call activities stored them, one per call or one per batch (<see cref="CallEntry"/>, <see cref="CallBatch"/>).</item>
/// <item><c>archon-search/{searchId}/spec.json</c>: the search spec as submitted.</item>
/// <item><c>archon-search/{searchId}/candidates/{candidateId}.json</c>: one evaluated candidate architecture and its scores.</item>
/// <item><c>archon-search/{searchId}/leaderboard.json</c>: the leaderboard so far, rewritten after each round.</item>
/// <item><c>archon-architectures/{name}.json</c>: registered architectures (Functions app; `archon serve` reads a folder).</item>
/// <item><c>archon-cache/{key}.json</c>: response cache entries (key = hash of the model request).</item>
/// </list>
/// </summary>
public static class BlobLayout
{
    public const string TracesContainer = "archon-traces";
    public const string SearchContainer = "archon-search";
    public const string ArchitecturesContainer = "archon-architectures";
    public const string CacheContainer = "archon-cache";

    public static BlobRef Trace(string instanceId) => new(TracesContainer, $"{Safe(instanceId)}.json");

    /// <summary>One model call of an inference, written by the model-call activity: <c>archon-traces/{instanceId}/calls/{callId}.json</c>.</summary>
    public static BlobRef CallEntry(string instanceId, string callId) => new(TracesContainer, $"{Safe(instanceId)}/calls/{Safe(callId)}.json");

    /// <summary>
    /// The calls of one batched model-call activity, in order, as one blob: <c>archon-traces/{instanceId}/batches/{firstCallId}.json</c>.
    /// One write per 30-odd calls instead of one per call (a 2,001-call query made 2,001 files).
    /// </summary>
    public static BlobRef CallBatch(string instanceId, string firstCallId) => new(TracesContainer, $"{Safe(instanceId)}/batches/{Safe(firstCallId)}.json");

    public static BlobRef SearchSpec(string searchId) => new(SearchContainer, $"{Safe(searchId)}/spec.json");

    public static BlobRef SearchCandidate(string searchId, string candidateId) =>
        new(SearchContainer, $"{Safe(searchId)}/candidates/{Safe(candidateId)}.json");

    public static string SearchCandidatesPrefix(string searchId) => $"{Safe(searchId)}/candidates/";

    public static BlobRef Leaderboard(string searchId) => new(SearchContainer, $"{Safe(searchId)}/leaderboard.json");

    public static BlobRef Architecture(string name) => new(ArchitecturesContainer, $"{Safe(name)}.json");

    public static BlobRef CacheEntry(string key) => new(CacheContainer, $"{Safe(key)}.json");

    /// <summary>Ids become one path segment: '/' and '\' are replaced so an id can never climb or nest.</summary>
    public static string Safe(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        var s = id.Replace('/', '_').Replace('\\', '_');
        return s is "." or ".." ? s.Replace('.', '_') : s;
    }
}
