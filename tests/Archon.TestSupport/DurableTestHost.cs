using Archon.Durable;
using Archon.Core.Architecture;
using Archon.Core.Execution;
using Archon.Durable.Architectures;
using Archon.LocalHost;
using Archon.Durable.Orchestrations;
using Archon.Core.Storage;
using Archon.Hosting.Storage;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace Archon.TestSupport;

/// <summary>An <see cref="EmbeddedDurableHost"/> wired with a test invoker, a temp file store and a fixed catalog.</summary>
public sealed class DurableTestHost : IAsyncDisposable
{
    private DurableTestHost(EmbeddedDurableHost host, FileResultStore store, string root)
    {
        Host = host;
        Store = store;
        Root = root;
    }

    public EmbeddedDurableHost Host { get; }

    public FileResultStore Store { get; }

    public string Root { get; }

    public static Task<DurableTestHost> StartAsync(IModelInvoker invoker, params ArchitectureConfig[] registered) =>
        StartAsync(invoker, null, registered);

    /// <param name="standIns">Stand-in orchestrators (e.g. a search that waits for an event); an Archon task with the same
    /// name as a stand-in is left out.</param>
    public static Task<DurableTestHost> StartAsync(IModelInvoker invoker, IReadOnlyDictionary<string, Action<DurableTaskRegistry>>? standIns, params ArchitectureConfig[] registered) =>
        StartAsync(invoker, standIns, null, registered);

    /// <param name="meter">Records every orchestration's history size (see <see cref="OrchestrationHistoryMeter"/>).</param>
    public static async Task<DurableTestHost> StartAsync(
        IModelInvoker invoker, IReadOnlyDictionary<string, Action<DurableTaskRegistry>>? standIns, OrchestrationHistoryMeter? meter, params ArchitectureConfig[] registered)
    {
        var root = Path.Combine(Path.GetTempPath(), $"archon-durable-{Guid.NewGuid():N}");
        var store = new FileResultStore(root);
        var host = await EmbeddedDurableHost.StartAsync(services =>
        {
            services.AddSingleton(invoker);
            services.AddSingleton<IResultStore>(store);
            services.AddSingleton<IArchitectureCatalog>(new InMemoryArchitectureCatalog(registered));
        }, new EmbeddedDurableHostOptions
        {
            HistoryMeter = meter,
            ConfigureTasks = registry =>
            {
                ArchonDurableTasks.Register(registry, type => standIns?.ContainsKey(type.Name) != true);
                foreach (var standIn in standIns?.Values ?? [])
                {
                    standIn(registry);
                }
            },
        });
        return new DurableTestHost(host, store, root);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
