using System.Text.Json;
using System.Text.Json.Nodes;
using Archon.Core.Search;
using System.Text.RegularExpressions;
using Archon.Durable.Contracts;
using Archon.Durable.Orchestrations;
using Archon.Core.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace Archon.Http;

/// <summary>
/// POST /api/search (body = search spec, validated by the core spec reader; optional <c>searchId</c>, else a new id)
/// and GET /api/search/{id} (status, progress and the
/// leaderboard so far from <c>archon-search/{id}/leaderboard.json</c>).
/// </summary>
/// <remarks>The search environment is optional so the API still serves stored leaderboards where search is not
/// registered; without it, or without a stored spec, <c>simulated</c> is null (unknown) rather than a guess.</remarks>
public sealed partial class SearchHttpHandler(IResultStore store, IOptions<ArchonApiOptions> options, ISearchEnvironment? environment = null)
{
    public async Task<IResult> StartAsync(HttpRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var (document, error) = await JsonBody.ReadAsync(request, options.Value.MaxRequestBytes, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        using (document)
        {
            var root = document!.RootElement;
            var (searchId, idError) = RequestParsing.OptionalString(root, "searchId");
            if (idError is not null)
            {
                return idError;
            }

            searchId ??= $"search-{Guid.NewGuid():N}";
            if (!SearchIdPattern().IsMatch(searchId))
            {
                return ApiErrors.BadRequest("searchId", "must be 1-64 characters of letters, digits, '-' or '_'");
            }

            // The spec is the body without our own "searchId" field (the spec reader rejects unknown fields).
            var spec = JsonNode.Parse(root.GetRawText())!.AsObject();
            spec.Remove("searchId");
            var specJson = spec.ToJsonString();
            SearchSpec parsed;
            try
            {
                parsed = SearchSpecLoader.Parse(specJson, "body");
            }
            catch (SearchSpecException e)
            {
                return ApiErrors.BadRequest("spec", e.Message);
            }

            // A catalog this host does not serve is refused now, not after a 202 and a failed search.
            if (environment is ISearchCatalogPolicy policy && policy.Reject(parsed) is { } rejected)
            {
                return ApiErrors.BadRequest("catalog", rejected);
            }

            var outcome = await SearchStarter.StartAsync(client, new SearchRequest(searchId, specJson), cancellationToken);
            if (outcome == SearchStartOutcome.AlreadyRunning)
            {
                return ApiErrors.Conflict("searchId", $"search '{searchId}' is already running; poll GET /api/search/{searchId}");
            }

            var urls = StatusUrls.For(request, "search", searchId);
            return Results.Accepted(urls.StatusQueryGetUri, urls);
        }
    }

    public async Task<IResult> GetAsync(HttpRequest request, string id, DurableTaskClient client, CancellationToken cancellationToken)
    {
        if (!SearchIdPattern().IsMatch(id ?? ""))
        {
            return ApiErrors.BadRequest("id", "must be 1-64 characters of letters, digits, '-' or '_'");
        }

        var metadata = await client.GetInstanceAsync(id!, getInputsAndOutputs: true, cancellationToken);
        var leaderboardBytes = await store.GetBytesAsync(BlobLayout.Leaderboard(id!).Container, BlobLayout.Leaderboard(id!).Name, cancellationToken);
        if (metadata is null && leaderboardBytes is null)
        {
            return ApiErrors.NotFound("id", $"no search has id '{id}'");
        }

        var simulated = await SimulatedAsync(id!, cancellationToken);
        var view = new SearchStatusView(
            id!,
            metadata?.RuntimeStatus.ToString() ?? "Unknown",
            simulated,
            simulated == true ? "SIMULATED" : null,
            // The custom status is serialized by the Durable converter (PascalCase); the API speaks camelCase throughout.
            metadata?.SerializedCustomStatus is { } status ? CamelCase(JsonNode.Parse(status)) : null,
            leaderboardBytes is null ? null : JsonSerializer.Deserialize<JsonElement>(leaderboardBytes),
            BlobLayout.Leaderboard(id!).ToString(),
            metadata?.FailureDetails?.ErrorMessage);
        return Results.Ok(view);
    }

    private async Task<bool?> SimulatedAsync(string id, CancellationToken cancellationToken)
    {
        var specRef = BlobLayout.SearchSpec(id);
        if (environment is null || await store.GetBytesAsync(specRef.Container, specRef.Name, cancellationToken) is not { } spec)
        {
            return null;
        }

        try
        {
            return environment.Simulated(SearchSpecLoader.Parse(System.Text.Encoding.UTF8.GetString(spec), specRef.ToString()));
        }
        catch (SearchSpecException)
        {
            return null;
        }
    }

    private static JsonNode? CamelCase(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(JsonNamingPolicy.CamelCase.ConvertName(p.Key), CamelCase(p.Value?.DeepClone())))),
        JsonArray a => new JsonArray([.. a.Select(e => CamelCase(e?.DeepClone()))]),
        _ => node?.DeepClone(),
    };

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex SearchIdPattern();
}

public sealed record SearchStatusView(string Id, string Status, bool? Simulated, string? Label, JsonNode? Progress, JsonElement? Leaderboard, string LeaderboardBlob, string? Error);
