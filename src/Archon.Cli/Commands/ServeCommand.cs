using System.ComponentModel;
using System.Net;
using Archon.Offline;
using Archon.Core.Components;
using Archon.Core.Execution;
using Archon.Core.Prompts;
using Archon.Core.Providers;
using Archon.Offline.Loopback;
using Archon.Offline.Simulation;
using Archon.Durable;
using Archon.Hosting;
using Archon.Durable.Architectures;
using Archon.Core.Caching;
using Archon.LocalHost;
using Archon.Durable.Orchestrations;
using Archon.Durable.Search;
using Archon.Core.Storage;
using Archon.Hosting.Storage;
using Archon.Durable.Telemetry;
using Archon.Hosting.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Archon.Cli.Commands;

/// <summary>
/// `archon serve`: the Functions app's HTTP API (inference, OpenAI-compatible chat completions, search) on Kestrel,
/// loopback by default, over the embedded Durable host. Architectures are served from a folder (the <c>model</c> of
/// /v1/chat/completions is an architecture name); results go to the local store (or Blob Storage when ArchonStorage__*
/// settings are present).
/// </summary>
public sealed class ServeCommand : AsyncCommand<ServeCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("-a|--architectures <DIR>")]
        [Description("Folder of architecture JSON files to serve (each by its name and file name).")]
        public string Architectures { get; init; } = "architectures";

        [CommandOption(CliOptions.Models)]
        [Description("Model catalog JSON. Default: ARCHON_MODELS, then the core's default lookup.")]
        public string? Models { get; init; }

        [CommandOption("--port <PORT>")]
        [Description("TCP port (default 7071, as the Functions host; 0 = any free port).")]
        public int Port { get; init; } = 7071;

        [CommandOption("--bind <ADDRESS>")]
        [Description("Address to listen on (default 127.0.0.1). A non-loopback address requires --api-key.")]
        public string Bind { get; init; } = "127.0.0.1";

        [CommandOption("--api-key <KEY>")]
        [Description("Require this key (x-functions-key, ?code= or Bearer). Default: ARCHON_API_KEY.")]
        public string? ApiKey { get; init; }

        [CommandOption(CliOptions.Prompts)]
        [Description("Prompt pack file (default: $ARCHON_PROMPTS, else the embedded pack).")]
        public string? Prompts { get; init; }

        [CommandOption(CliOptions.Components)]
        [Description(CliOptions.ComponentsHelp)]
        public string[] Components { get; init; } = [];

        [CommandOption("--store <DIR>")]
        [Description("Local result-store folder (default .archon unless ArchonStorage__* settings select Blob Storage).")]
        public string? Store { get; init; }

        [CommandOption("--inference <MODE>")]
        [Description("inline (default): inference runs in this process, no Durable replay (orchestration state is in memory "
            + "either way; every call and trace is still stored). durable: every inference is an orchestration of the embedded "
            + "Durable host, as in the Functions app.")]
        [DefaultValue("inline")]
        public string Inference { get; init; } = "inline";

        public override ValidationResult Validate() =>
            InferenceOption.Problem(Inference) is { } inference ? ValidationResult.Error(inference)
            : !IPAddress.TryParse(Bind, out _) ? ValidationResult.Error($"--bind '{Bind}': must be an IP address")
            : Port is < 0 or > 65535 ? ValidationResult.Error("--port: must be 0-65535")
            : !Directory.Exists(Architectures) ? ValidationResult.Error($"--architectures '{Architectures}': folder does not exist")
            : ValidationResult.Success();
    }

    private readonly CliConsoles _consoles;

    public ServeCommand(CliConsoles consoles) => _consoles = consoles;

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var catalogPath = settings.Models ?? ModelCatalog.FindDefaultPath();
        if (catalogPath is null || !File.Exists(catalogPath))
        {
            _consoles.Out.MarkupLineInterpolated($"[red]--models: model catalog '{catalogPath ?? "(none found)"}' does not exist[/]");
            return 2;
        }

        ComponentRegistry registry;
        PromptPack pack;
        try
        {
            registry = CliComponents.Registry(settings.Components);
            pack = CliComponents.Pack(settings.Prompts);
        }
        catch (ArgumentException ex)
        {
            _consoles.Out.MarkupLineInterpolated($"[red]{ex.Message}[/]");
            return 2;
        }

        var architectures = new FolderArchitectureCatalog(settings.Architectures, registry);
        foreach (var skipped in architectures.Skipped)
        {
            _consoles.Out.MarkupLineInterpolated($"[yellow]skipped {skipped}[/]");
        }

        var options = new ArchonApiServerOptions
        {
            BindAddress = IPAddress.Parse(settings.Bind),
            Port = settings.Port,
            ApiKey = settings.ApiKey ?? configuration["ARCHON_API_KEY"],
            Inference = InferenceOption.Parse(settings.Inference) ?? ServeInference.Inline,
        };
        if (options.Validate() is { } problem)
        {
            _consoles.Out.MarkupLineInterpolated($"[red]{problem}[/]");
            return 2;
        }

        LoopbackFaultInjector? faults;
        try
        {
            // Resilience drills: faults injected by the loopback endpoint (catalog/offline.json), e.g. "rate=0.2,seed=7".
            faults = configuration[OfflineProviders.FaultsSetting] is { Length: > 0 } spec ? new LoopbackFaultInjector(LoopbackFaultOptions.Parse(spec)) : null;
        }
        catch (FormatException e)
        {
            _consoles.Out.MarkupLineInterpolated($"[red]{OfflineProviders.FaultsSetting}: {e.Message}[/]");
            return 2;
        }

        var catalog = ModelCatalog.Load(catalogPath);
        await using var server = await ArchonApiServer.StartAsync(options, services =>
        {
            // The same composition root as the Functions app: store (--store wins over ArchonStorage__*), model stack.
            services.AddArchon(configuration, o =>
            {
                o.LocalStore = settings.Store;
                o.Catalog = catalog;
                o.LoopbackFaults = faults;
            });
            // One registry and pack for the folder catalog, the HTTP handlers, the orchestration and the search.
            services.AddSingleton(registry);
            services.AddSingleton(pack);
            services.AddArchonComponents(configuration);
            services.AddSingleton<IArchitectureCatalog>(architectures);
            // POST /api/search: the search environment is the model catalog plus the benchmark registry.
            services.AddArchonSearch(configuration);
            services.AddArchonTelemetry(configuration, "archon-serve");
        }, cancellationToken);

        var names = await architectures.ListAsync(cancellationToken);
        if (catalog.Models.Any(m => m.Provider == SimProvider.Name))
        {
            _consoles.Out.MarkupLine("[yellow]SIMULATED: this catalog has \"sim\" models; results of architectures that use them are labelled SIMULATED.[/]");
        }

        _consoles.Out.MarkupLineInterpolated(
            $"Serving {names.Count} architecture(s) on [bold]{server.BaseAddress}api[/] (models: {catalogPath}; prompts: {pack.Id}; components: {string.Join(", ", registry.Types.Order(StringComparer.Ordinal))})");
        _consoles.Out.MarkupLine("POST /api/inference, GET /api/inference/{id}, POST /api/v1/chat/completions, GET /api/v1/models, POST /api/search, GET /api/search/{id}. Ctrl+C stops.");
        try
        {
            // Ctrl+C arrives through the CLI's token; SIGTERM (e.g. a service manager) through the server's lifetime.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, server.Stopping);
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C: fall through to shutdown.
        }

        return 0;
    }
}
