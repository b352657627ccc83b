using Archon.Core.Storage;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Archon.Hosting.Storage;

public static class ResultStoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IResultStore"/> from the <c>ArchonStorage</c> section: Blob Storage through
    /// <c>AddAzureClients</c> (DefaultAzureCredential with a service URI in Azure; a connection string for Azurite),
    /// or the local file store. Options are validated on start. A <paramref name="localFolder"/> (the CLI's <c>--store</c>)
    /// wins over the settings. A store registered before this call wins over both (tests).
    /// </summary>
    public static IServiceCollection AddArchonResultStore(this IServiceCollection services, IConfiguration configuration, string? localFolder = null)
    {
        if (localFolder is not null)
        {
            services.TryAddSingleton<IResultStore>(new FileResultStore(localFolder));
            return services;
        }

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
            services.TryAddSingleton<IResultStore>(sp => new BlobResultStore(sp.GetRequiredService<BlobServiceClient>()));
        }
        else
        {
            services.TryAddSingleton<IResultStore>(sp => new FileResultStore(sp.GetRequiredService<IOptions<ResultStoreOptions>>().Value.LocalRoot));
        }

        return services;
    }

    private sealed class ResultStoreOptionsValidator : IValidateOptions<ResultStoreOptions>
    {
        public ValidateOptionsResult Validate(string? name, ResultStoreOptions options) =>
            options.Validate() is { } error ? ValidateOptionsResult.Fail(error) : ValidateOptionsResult.Success;
    }
}
