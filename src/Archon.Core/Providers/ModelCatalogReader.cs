using System.Text.Json;
using System.Text.Json.Serialization;

namespace Archon.Core.Providers;

/// <summary>Reads the catalog file format (docs/model-catalog.md) and applies model-type defaults to each model.</summary>
internal static class ModelCatalogReader
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static (IReadOnlyList<ModelEntry> Models, IReadOnlyDictionary<string, ModelTypeDefaults> ModelTypes) Read(string json, string source)
    {
        CatalogFile file;
        try
        {
            file = JsonSerializer.Deserialize<CatalogFile>(json, Options) ?? throw new CatalogException($"{source}: the catalog is empty");
        }
        catch (JsonException ex)
        {
            throw new CatalogException($"{source}: line {(ex.LineNumber ?? 0) + 1}: {ex.Message.Split(" Path:")[0]} (path {ex.Path})");
        }

        var defaults = file.Defaults ?? new CatalogDefaults();
        var types = file.ModelTypes ?? new Dictionary<string, ModelTypeDefaults>();
        var result = new List<ModelEntry>();
        for (var i = 0; i < (file.Models?.Count ?? 0); i++)
        {
            var m = file.Models![i];
            var where = $"{source}: models[{i}]";
            if (string.IsNullOrWhiteSpace(m.Id))
            {
                throw new CatalogException($"{where}: \"id\" is required");
            }

            ModelTypeDefaults? type = null;
            if (m.ModelType is { Length: > 0 } && !types.TryGetValue(m.ModelType, out type))
            {
                throw new CatalogException($"{where} ({m.Id}): modelType \"{m.ModelType}\" is not defined under \"modelTypes\"");
            }

            var provider = m.Provider ?? type?.Provider
                ?? throw new CatalogException($"{where} ({m.Id}): no \"provider\" and no \"modelType\" that gives one");
            result.Add(new ModelEntry
            {
                Id = m.Id,
                Provider = provider,
                Endpoint = m.Endpoint ?? type?.Endpoint,
                Deployment = m.Deployment,
                ApiKeyEnv = m.ApiKeyEnv ?? type?.ApiKeyEnv,
                ProviderModel = m.ProviderModel,
                InputPricePerMillion = m.InputPricePerMillion ?? 0m,
                OutputPricePerMillion = m.OutputPricePerMillion ?? 0m,
                MaxConcurrency = m.MaxConcurrency ?? defaults.MaxConcurrency ?? 8,
                ProviderMaxConcurrency = type?.MaxConcurrency,
                Aliases = m.Aliases ?? [],
                ModelType = m.ModelType,
                TimeoutSeconds = m.TimeoutSeconds ?? defaults.TimeoutSeconds ?? 120,
                MaxRetries = m.MaxRetries ?? defaults.MaxRetries ?? 4,
                Capabilities = m.Capabilities,
                RewardModel = m.RewardModel,
            });
        }

        return (result, types);
    }

    private sealed record CatalogFile(
        string? Description,
        CatalogDefaults? Defaults,
        Dictionary<string, ModelTypeDefaults>? ModelTypes,
        List<CatalogModel>? Models);

    private sealed record CatalogDefaults(int? MaxConcurrency = null, double? TimeoutSeconds = null, int? MaxRetries = null);

    private sealed record CatalogModel(
        string Id,
        string? ModelType,
        string? Provider,
        string? Endpoint,
        string? Deployment,
        string? ApiKeyEnv,
        string? ProviderModel,
        decimal? InputPricePerMillion,
        decimal? OutputPricePerMillion,
        int? MaxConcurrency,
        List<string>? Aliases,
        double? TimeoutSeconds,
        int? MaxRetries,
        string? Note,
        ModelCapabilities? Capabilities = null,
        RewardModelSpec? RewardModel = null);
}
