using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Archon.Offline;
using Archon.Core.Providers;
using Archon.Core.Caching;
using Archon.Core.Search;
using Archon.Core.Search.Judging;
using Archon.Offline.Simulation;
using Archon.Durable.Contracts;
using Archon.LocalHost;
using Archon.Durable.Orchestrations;
using Archon.Durable.Search;
using Archon.Core.Storage;
using Archon.Hosting.Storage;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Archon.Cli.Commands;

/// <summary>
/// `archon search [spec]`: runs the durable search orchestration in the embedded Durable host with results in a local
/// store, shows progress and a live leaderboard, then prints the leaderboard and where the report is. Without a spec it
/// runs the main job: samples/search/default.json (SIMULATED fleet on the built-in benchmark). Re-running the same
/// spec resumes: finished candidates are read from the store, cached model calls replay.
/// </summary>
public sealed class SearchCommand : AsyncCommand<SearchCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "[SPEC]")]
        [Description("Search spec JSON (default: samples/search/default.json, or the built-in default when that file is absent).")]
        public string? Spec { get; init; }

        [CommandOption("--id <ID>")]
        [Description("Search id (default: spec name + hash of the spec, so an edited spec never mixes with old results).")]
        public string? Id { get; init; }

        [CommandOption("--store <DIR>")]
        [Description("Local result store folder (default .archon).")]
        public string Store { get; init; } = ".archon";

        [CommandOption("--dataset-dir <DIR>")]
        [Description("Benchmark data folder for dataset benchmarks (default: ARCHON_DATASET_DIR).")]
        public string? DatasetDir { get; init; }

        [CommandOption("--json")]
        [Description("Print the outcome as JSON instead of tables.")]
        public bool Json { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        try
        {
            return await RunAsync(settings, cancellationToken);
        }
        catch (Exception e) when (e is SearchSpecException or CatalogException or ArgumentException or InvalidOperationException or IOException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 2;
        }
    }

    private static async Task<int> RunAsync(Settings settings, CancellationToken cancellationToken)
    {
        var (spec, specJson, specDir) = LoadSpec(settings.Spec);
        var searchId = settings.Id ?? DefaultId(spec, specJson);
        var catalog = CatalogSearchEnvironment.LoadCatalog(spec.Catalog, specDir, OfflineProviders.NamedCatalog);
        var knowledge = new SimulatorKnowledge();
        await using var factory = new ModelClientFactory(catalog);
        OfflineProviders.Register(factory, knowledge, seed: spec.Seed);
        var store = new FileResultStore(settings.Store);
        // Judge-scored benchmarks: the judge (and a named baseline) go through the catalog's provider stack, under the
        // store's response cache, metered apart from the candidates.
        var judgeMeter = new JudgeMeter();
        var judges = JudgeClients.Create(factory, new ResultStoreResponseCache(store), judgeMeter);
        var environment = new CatalogSearchEnvironment(catalog, knowledge, settings.DatasetDir, judges);
        _ = environment.Items(spec, "dev"); // load the benchmark now: bad names fail here with one clear line
        var simulated = environment.Simulated(spec) || (spec.Judge is { } judgeId && SimulatedModels.Any(catalog, [judgeId]));
        // The SIMULATED fleet reports its simulated latency (not the microseconds it takes to compute), so the
        // latency Pareto front means something; any other catalog goes through the core provider stack.
        Archon.Core.Execution.IModelInvoker invoker = spec.Catalog == SimProvider.Name
            ? new SimulatorModelInvoker(SimFleet.Default, knowledge, spec.Seed)
            : new ChatClientModelInvoker(factory);
        var watch = Stopwatch.StartNew();
        if (!settings.Json)
        {
            AnsiConsole.MarkupLine($"Search [bold]{Markup.Escape(searchId)}[/]: {Markup.Escape(spec.Algorithm)} on {Markup.Escape(spec.Benchmark)} with catalog {Markup.Escape(spec.Catalog)}" +
                (simulated ? " [red bold](SIMULATED models)[/]" : ""));
        }

        await using var host = await EmbeddedDurableHost.StartAsync(services =>
        {
            services.AddSingleton(invoker);
            services.AddSingleton(judgeMeter);
            services.AddSingleton<IResultStore>(store);
            services.AddSingleton<ISearchEnvironment>(environment);
            services.AddArchonSearch();
        }, cancellationToken: cancellationToken);
        if (await SearchStarter.StartAsync(host.Client, new SearchRequest(searchId, specJson), cancellationToken) == SearchStartOutcome.AlreadyRunning)
        {
            throw new InvalidOperationException($"search '{searchId}' is already running in this host");
        }

        var done = await SearchMonitor.WaitAsync(host.Client, store, searchId, spec, settings.Json, cancellationToken);
        if (done.RuntimeStatus != OrchestrationRuntimeStatus.Completed)
        {
            Console.Error.WriteLine($"error: search '{searchId}' {done.RuntimeStatus}: {done.FailureDetails?.ErrorMessage}");
            return 1;
        }

        var outcome = done.ReadOutputAs<SearchOutcome>()!;
        var leaderboard = (await store.GetJsonAsync<Leaderboard>(BlobLayout.Leaderboard(searchId), cancellationToken))!;
        var searchDir = Path.Combine(store.Location, BlobLayout.SearchContainer, BlobLayout.Safe(searchId));
        SearchOutput.Print(outcome, leaderboard, searchDir, simulated, watch.Elapsed, settings.Json);
        return 0;
    }

    private static (SearchSpec Spec, string Json, string? Directory) LoadSpec(string? path)
    {
        path ??= File.Exists(Path.Combine("samples", "search", "default.json")) ? Path.Combine("samples", "search", "default.json") : null;
        if (path is null)
        {
            var builtIn = SearchSpecLoader.ToJson(SearchDefaults.MainJob);
            return (SearchDefaults.MainJob, builtIn, null);
        }

        var spec = SearchSpecLoader.Load(path);
        return (spec, File.ReadAllText(path), Path.GetDirectoryName(Path.GetFullPath(path)));
    }

    private static string DefaultId(SearchSpec spec, string json)
    {
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(json)))[..8];
        var name = new string(spec.Name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray());
        return string.Create(CultureInfo.InvariantCulture, $"{name}-{hash}");
    }
}
