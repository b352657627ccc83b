using Archon.Core.Storage;
using Archon.Core.Streaming;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Archon.Hosting.Storage;

public static class ResultStoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IResultStore"/> from the <c>ArchonStorage</c> section: Blob Storage through
    /// <c>AddAzureClients</c> (DefaultAzureCredential with a service URI in Azure; a connection string for Azurite),
    /// or the local file store, plus the matching <see cref="IStreamRelay"/> (blob / in memory). Options are validated on start.
    /// </summary>
    public static IServiceCollection AddArchonResultStore(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(ResultStoreOptions.SectionName);
        services.AddOptions<ResultStoreOptions>()
            .Bind(section)
            .Validate(o => o.Validate() is null, "ArchonStorage settings are invalid")
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ResultStoreOptions>, ResultStoreOptionsValidator>();

        var options = new ResultStoreOptions();
        section.Bind(options);
        if (options.Validate() is null && options.ResolvedKind == "blob")
        {
            services.AddAzureClients(clients =>
            {
                if (!string.IsNullOrEmpty(options.ConnectionString))
                {
                    clients.AddBlobServiceClient(options.ConnectionString);
                }
                else
                {
                    clients.AddBlobServiceClient(new Uri(options.ServiceUri!));
                    clients.UseCredential(new DefaultAzureCredential());
                }
            });
            services.AddSingleton<IResultStore>(sp => new BlobResultStore(sp.GetRequiredService<BlobServiceClient>()));
            // Streaming: the model-call activity and the HTTP request may run on different instances.
            services.TryAddSingleton<IStreamRelay>(sp => new BlobStreamRelay(sp.GetRequiredService<BlobServiceClient>()));
        }
        else
        {
            services.AddSingleton<IResultStore>(sp => new FileResultStore(sp.GetRequiredService<IOptions<ResultStoreOptions>>().Value.LocalRoot));
            // A local store means one process (local dev): the relay can live in memory.
            services.TryAddSingleton<IStreamRelay>(_ => new InMemoryStreamRelay());
        }

        return services;
    }

    private sealed class ResultStoreOptionsValidator : IValidateOptions<ResultStoreOptions>
    {
        public ValidateOptionsResult Validate(string? name, ResultStoreOptions options) =>
            options.Validate() is { } error ? ValidateOptionsResult.Fail(error) : ValidateOptionsResult.Success;
    }
}
