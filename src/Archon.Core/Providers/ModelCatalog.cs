using System.Text.Json;
using Archon.Core.Architecture;

namespace Archon.Core.Providers;

/// <summary>
/// Maps model ids (and aliases) to <see cref="ModelEntry"/>s. Loaded from a JSON file (docs/model-catalog.md);
/// an entry with id "*" matches any model not listed (used by offline catalogs).
/// </summary>
public sealed class ModelCatalog
{
    public const string Wildcard = "*";
    public const string EnvironmentVariable = "ARCHON_MODELS";

    private readonly Dictionary<string, ModelEntry> byName = new(StringComparer.OrdinalIgnoreCase);

    public ModelCatalog(IEnumerable<ModelEntry> models, string source, IReadOnlyDictionary<string, ModelTypeDefaults>? modelTypes = null)
    {
        Source = source;
        ModelTypes = modelTypes ?? new Dictionary<string, ModelTypeDefaults>();
        foreach (var model in models)
        {
            Add(model);
        }
    }

    /// <summary>Where the catalog came from (file path or a label); error messages point there.</summary>
    public string Source { get; }

    public IReadOnlyList<ModelEntry> Models => byName.Values.Distinct().ToList();

    /// <summary>Defaults per reference model_type (see <see cref="ModelTypeDefaults"/>).</summary>
    public IReadOnlyDictionary<string, ModelTypeDefaults> ModelTypes { get; }

    public static ModelCatalog Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new CatalogException($"{path}: model catalog file not found");
        }

        return Parse(File.ReadAllText(path), path);
    }

    public static ModelCatalog Parse(string json, string source)
    {
        var (models, types) = ModelCatalogReader.Read(json, source);
        return new ModelCatalog(models, source, types);
    }

    /// <summary>
    /// Loads <paramref name="path"/>, or the default catalog (<see cref="FindDefaultPath"/>) when it is null; one
    /// <see cref="CatalogException"/> that says how to name one when there is none.
    /// </summary>
    public static ModelCatalog LoadOrDefault(string? path) =>
        Load(path ?? FindDefaultPath()
            ?? throw new CatalogException($"no model catalog: pass --models FILE (offline: catalog/sim-fleet.json, SIMULATED) or set {EnvironmentVariable} (see docs/model-catalog.md)"));

    /// <summary>
    /// The catalog to use when none is named: $ARCHON_MODELS, else catalog/models.json found above the working
    /// directory or the application directory.
    /// </summary>
    public static string? FindDefaultPath()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } env)
        {
            return env;
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "catalog", "models.json");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>A copy with <paramref name="entry"/> added (replacing any entry with the same id or alias).</summary>
    public ModelCatalog With(ModelEntry entry) => new(Models.Where(m => m.Id != entry.Id).Append(entry), Source, ModelTypes);

    /// <summary>
    /// A copy in which every model of <paramref name="architecture"/> that resolves only through its model_type
    /// (<see cref="ModelTypeDefaults.AcceptAnyModel"/>) has an entry of its own, so calls can resolve it by id alone.
    /// </summary>
    public ModelCatalog ForArchitecture(ArchitectureConfig architecture)
    {
        var catalog = this;
        foreach (var c in architecture.Layers.SelectMany(l => l.Components))
        {
            if (c.Model.Length > 0 && !TryResolve(c.Model, out _) && TryResolve(c.Model, c.ModelType, out var byType))
            {
                catalog = catalog.With(byType);
            }
        }

        return catalog;
    }

    /// <summary>By id or alias, then the wildcard entry, then the model_type's defaults when they accept any model.</summary>
    public bool TryResolve(string modelId, string? modelType, out ModelEntry entry)
    {
        if (TryResolve(modelId, out entry))
        {
            return true;
        }

        if (modelType is { Length: > 0 } && ModelTypes.TryGetValue(modelType, out var type) && type.AcceptAnyModel)
        {
            entry = new ModelEntry
            {
                Id = modelId,
                Provider = type.Provider,
                Endpoint = type.Endpoint,
                ApiKeyEnv = type.ApiKeyEnv,
                ModelType = modelType,
                ProviderMaxConcurrency = type.MaxConcurrency,
                InputPricePerMillion = type.InputPricePerMillion,
                OutputPricePerMillion = type.OutputPricePerMillion,
            };
            return true;
        }

        return false;
    }

    public bool TryResolve(string modelId, out ModelEntry entry)
    {
        if (byName.TryGetValue(modelId, out entry!))
        {
            return true;
        }

        if (byName.TryGetValue(Wildcard, out var wildcard))
        {
            entry = wildcard with { Id = modelId, Aliases = [] };
            return true;
        }

        return false;
    }

    public ModelEntry Resolve(string modelId, string? modelType = null) =>
        TryResolve(modelId, modelType, out var entry) ? entry : throw new ModelNotConfiguredException(NotConfigured(modelId, modelType));

    /// <summary>One message per model of the architecture that the catalog cannot resolve.</summary>
    public IReadOnlyList<string> Unresolved(ArchitectureConfig architecture)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        var problems = new List<string>();
        foreach (var c in architecture.Layers.SelectMany(l => l.Components).Where(c => c.Model.Length > 0))
        {
            var resolved = TryResolve(c.Model, c.ModelType, out var entry);
            if (RewardModels.IsRewardRanker(c))
            {
                if (!resolved || entry.Provider != RewardModels.Provider)
                {
                    problems.Add($"model {c.Model}: the PairRM ranker scores candidates with a reward-model endpoint, and the catalog {Source} " +
                        $"{(resolved ? $"lists it with provider \"{entry.Provider}\"" : "has no entry for it")}: add " +
                        $"{{\"id\": \"{c.Model}\", \"provider\": \"{RewardModels.Provider}\", \"endpoint\": \"http://HOST:PORT\", \"rewardModel\": {{\"protocol\": \"pairwise\"}}}} " +
                        "(wire format: docs/model-catalog.md, Reward models)");
                }
            }
            else if (!resolved)
            {
                problems.Add(NotConfigured(c.Model, c.ModelType));
            }
        }

        return problems.Distinct().ToList();
    }

    /// <summary>Throws <see cref="ModelNotConfiguredException"/> listing every unresolvable model.</summary>
    public void EnsureResolvable(ArchitectureConfig architecture)
    {
        var missing = Unresolved(architecture);
        if (missing.Count > 0)
        {
            throw new ModelNotConfiguredException(string.Join(Environment.NewLine, missing));
        }
    }

    private string NotConfigured(string modelId, string? modelType) =>
        $"model {modelId} (model_type {(string.IsNullOrEmpty(modelType) ? "none" : modelType)}) is not configured: add it to the catalog {Source}";

    private void Add(ModelEntry model)
    {
        byName[model.Id] = model;
        foreach (var alias in model.Aliases)
        {
            byName[alias] = model;
        }
    }
}
