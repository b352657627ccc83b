using Archon.Core.Storage;
using Archon.Core.Evaluation.Datasets;
using Archon.Core.Providers;
using Archon.Core.Search;
using Archon.Offline.Simulation;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Archon.Hosting.Storage;

/// <summary>
/// Picks where search benchmark data comes from: <c>ARCHON_DATASET_DIR</c> (a local folder) wins; otherwise
/// <c>ARCHON_DATASET_LOCATION</c> is mirrored with <see cref="BlobDatasetMirror"/> through the result store's
/// <see cref="BlobServiceClient"/> (registered by <c>AddAzureClients</c>); with neither, dataset benchmarks report
/// that no dataset directory is configured.
/// </summary>
public static class DatasetMirrorRegistration
{
    /// <param name="judges">Judge and baseline clients for judge-scored benchmarks (model id → metered provider stack);
    /// null = this environment refuses them with a spec error.</param>
    public static ISearchEnvironment CreateSearchEnvironment(IServiceProvider services, IConfiguration configuration, ModelCatalog catalog, SimulatorKnowledge knowledge,
        Func<string, Microsoft.Extensions.AI.IChatClient>? judges = null)
    {
        var localDir = configuration[DatasetDirectory.EnvironmentVariable];
        var location = configuration[BlobDatasetMirror.LocationSetting];
        if (!string.IsNullOrWhiteSpace(localDir) || string.IsNullOrWhiteSpace(location))
        {
            return new CatalogSearchEnvironment(catalog, knowledge, localDir, judges);
        }

        return new MirroredDatasetSearchEnvironment(catalog, knowledge, judges, () =>
        {
            var blobs = services.GetService<BlobServiceClient>() ?? throw new DatasetNotFoundException(
                $"{BlobDatasetMirror.LocationSetting} '{location}' needs Blob Storage: set {ResultStoreOptions.SectionName}__ServiceUri (or __ConnectionString for Azurite), or set {DatasetDirectory.EnvironmentVariable} to a local folder.");
            // A DI factory cannot await; this runs once per instance, off the orchestrator, inside a search activity.
            return new BlobDatasetMirror(blobs).MirrorAsync(location).GetAwaiter().GetResult().Directory;
        });
    }
}
