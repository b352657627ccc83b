using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Archon.Offline;
using Archon.Core.Providers;
using Archon.Core.Search;
using Archon.Core.Search.Judging;
using Archon.Offline.Simulation;
using Archon.Durable.Contracts;
using Archon.LocalHost;
using Archon.Durable.Orchestrations;
using Archon.Durable.Search;
using Archon.Core.Storage;
using Archon.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Archon.Cli.Commands;

/// <summary>
/// `archon search [spec]`: runs the durable search orchestration in the embedded Durable host, composed like `serve`
/// (<see cref="ArchonServices.AddArchon"/>): results in Blob Storage when ArchonStorage__* settings say so, else the local
/// store (<c>--store</c> always selects a local folder); the SIMULATED fleet is a provider behind the same stack (cache,
/// resilience, caps, telemetry) as real models. Shows progress and a live leaderboard, then prints the leaderboard and where the report is. Without a spec it
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
        [Description("Local result store folder (default .archon unless ArchonStorage__* settings select Blob Storage).")]
        public string? Store { get; init; }

        [CommandOption(CliOptions.DatasetDir)]
        [Description("Benchmark data folder for dataset benchmarks (default: ARCHON_DATASET_DIR).")]
        public string? DatasetDir { get; init; }

        [CommandOption("--json")]
        [Description("Print the outcome as JSON instead of tables.")]
        public bool Json { get; init; }

        [CommandOption(CliOptions.Prompts)]
        [Description("Prompt pack for every candidate; inlined into the stored spec (its \"prompts\" field), so it is part of the search id.")]
        public string? Prompts { get; init; }

        [CommandOption(CliOptions.Components)]
        [Description(CliOptions.ComponentsHelp)]
        public string[] Components { get; init; } = [];
    }

    private readonly CliConsoles _consoles;

    public SearchCommand(CliConsoles consoles) => _consoles = consoles;

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        try
        {
            return await RunAsync(settings, cancellationToken);
        }
        catch (Exception e) when (e is SearchSpecException or CatalogException or ArgumentException or InvalidOperationException or IOException)
        {
            _consoles.ErrorWriter.WriteLine($"error: {e.Message}");
            return 2;
        }
    }

    private async Task<int> RunAsync(Settings settings, CancellationToken cancellationToken)
    {
        var (spec, specJson, specDir) = LoadSpec(settings.Spec, settings.Prompts);
        var runner = CliComponents.Runner(settings.Components, null);
        _ = SearchSpecLoader.FinalLayers(spec, runner.Registry, settings.Spec ?? "search spec"); // custom types need --components: fail here, in one line
        var searchId = settings.Id ?? DefaultId(spec, specJson);
        var catalog = CatalogSearchEnvironment.LoadCatalog(spec.Catalog, specDir, OfflineProviders.NamedCatalog);
        var knowledge = new SimulatorKnowledge();
        // Judge-scored benchmarks: the judge (and a named baseline) go through the host's provider stack (its response
        // cache, resilience, caps), metered apart from the candidates. The environment needs that stack, so it is built
        // by the host and the benchmark is loaded right after the host starts (bad names still fail with one clear line).
        var judgeMeter = new JudgeMeter();
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var watch = Stopwatch.StartNew();

        // The SIMULATED fleet reports its simulated latency through the stack (not the microseconds it takes to
        // compute), so the latency Pareto front means something.
        await using var host = await EmbeddedDurableHost.StartAsync(services =>
        {
            services.AddArchon(configuration, o =>
            {
                o.LocalStore = settings.Store;
                o.Catalog = catalog;
                o.Knowledge = knowledge;
                o.SimulatorSeed = spec.Seed;
            });
            services.AddSingleton(judgeMeter);
            services.AddSingleton<ISearchEnvironment>(sp => new CatalogSearchEnvironment(catalog, knowledge, settings.DatasetDir,
                JudgeClients.Create(sp.GetRequiredService<ModelClientFactory>(), judgeMeter)));
            services.AddSingleton(runner);
            services.AddArchonSearch();
        }, cancellationToken: cancellationToken);
        var environment = (CatalogSearchEnvironment)host.Services.GetRequiredService<ISearchEnvironment>();
        _ = environment.Items(spec, "dev"); // load the benchmark now: bad names fail here with one clear line
        var simulated = environment.Simulated(spec) || (spec.Judge is { } judgeId && SimulatedModels.Any(catalog, [judgeId]));
        if (!settings.Json)
        {
            _consoles.Out.MarkupLine($"Search [bold]{Markup.Escape(searchId)}[/]: {Markup.Escape(spec.Algorithm)} on {Markup.Escape(spec.Benchmark)} with catalog {Markup.Escape(spec.Catalog)}" +
                (simulated ? " [red bold](SIMULATED models)[/]" : ""));
        }

        var store = host.Services.GetRequiredService<IResultStore>();
        if (await SearchStarter.StartAsync(host.Client, new SearchRequest(searchId, specJson), cancellationToken) == SearchStartOutcome.AlreadyRunning)
        {
            throw new InvalidOperationException($"search '{searchId}' is already running in this host");
        }

        var done = await SearchMonitor.WaitAsync(_consoles, host.Client, store, searchId, spec, settings.Json, cancellationToken);
        if (done.RuntimeStatus != OrchestrationRuntimeStatus.Completed)
        {
            _consoles.ErrorWriter.WriteLine($"error: search '{searchId}' {done.RuntimeStatus}: {done.FailureDetails?.ErrorMessage}");
            return 1;
        }

        var outcome = done.ReadOutputAs<SearchOutcome>()!;
        var leaderboard = (await store.GetJsonAsync<Leaderboard>(BlobLayout.Leaderboard(searchId), cancellationToken))!;
        var searchDir = store is FileResultStore
            ? Path.Combine(store.Location, BlobLayout.SearchContainer, BlobLayout.Safe(searchId))
            : $"{store.Location.TrimEnd('/')}/{BlobLayout.SearchContainer}/{BlobLayout.Safe(searchId)}";
        SearchOutput.Print(_consoles, outcome, leaderboard, searchDir, simulated, watch.Elapsed, settings.Json);
        return 0;
    }

    private static (SearchSpec Spec, string Json, string? Directory) LoadSpec(string? path, string? prompts)
    {
        path ??= File.Exists(Path.Combine("samples", "search", "default.json")) ? Path.Combine("samples", "search", "default.json") : null;
        var (spec, json, dir) = path is null
            ? (SearchDefaults.MainJob, SearchSpecLoader.ToJson(SearchDefaults.MainJob), null)
            : (SearchSpecLoader.Load(path), File.ReadAllText(path), Path.GetDirectoryName(Path.GetFullPath(path)));

        // A pack named by path (option, or the spec's "prompts" relative to the spec) is inlined: activities may run
        // where the path does not exist, and the pack's texts then count in the search id.
        var packPath = prompts ?? (spec.Prompts is { ValueKind: System.Text.Json.JsonValueKind.String } p ? Path.Combine(dir ?? ".", p.GetString()!) : null);
        if (packPath is not null)
        {
            try
            {
                spec = SearchSpecLoader.WithInlinePrompts(spec, packPath);
            }
            catch (Archon.Core.Prompts.PromptPackException e)
            {
                throw new SearchSpecException($"prompts: {e.Message}");
            }

            json = SearchSpecLoader.ToJson(spec);
        }

        return (spec, json, dir);
    }

    private static string DefaultId(SearchSpec spec, string json)
    {
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(json)))[..8];
        var name = new string(spec.Name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray());
        return string.Create(CultureInfo.InvariantCulture, $"{name}-{hash}");
    }
}
