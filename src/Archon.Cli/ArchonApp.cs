using System.Reflection;
using Archon.Cli.Commands;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Archon.Cli;

/// <summary>
/// The whole `archon` command tree in one place: Program.cs runs it on the process console, tests run the same
/// configuration through Spectre's <c>CommandAppTester</c> with test consoles. Parsing is strict (an unknown option
/// is an error, not silently ignored); `archon --version` prints the assembly's informational version.
/// Short options follow one table across verbs (<see cref="CliOptions"/>, README "Command-line options").
/// </summary>
public static class ArchonApp
{
    public static string Version { get; } =
        typeof(ArchonApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(ArchonApp).Assembly.GetName().Version?.ToString() ?? "0.0.0";

    public static CommandApp Create(CliConsoles consoles, CliEnvironment? environment = null)
    {
        var app = new CommandApp();
        app.Configure(config => Configure(config, consoles, environment ?? CliEnvironment.Process));
        return app;
    }

    public static void Configure(IConfigurator config, CliConsoles consoles, CliEnvironment environment)
    {
        config.SetApplicationName("archon");
        config.SetApplicationVersion(Markup.Escape(Version));
        config.UseStrictParsing();
        config.ConfigureConsole(consoles.Out);
        config.Settings.Registrar.RegisterInstance(consoles);
        config.Settings.Registrar.RegisterInstance(environment);
        config.AddCommand<ValidateCommand>("validate").WithDescription("Check architecture files or folders; one line per file.");
        config.AddCommand<RunCommand>("run").WithDescription("Run an architecture on a prompt.");
        config.AddCommand<PromptsCommand>("prompts").WithDescription("Export the default prompt pack (--export FILE) or check one (--check FILE).");
        config.AddCommand<EvalCommand>("eval").WithDescription("Score an architecture on a benchmark (score, 95% CI, cost, per-item JSONL).");
        config.AddCommand<CheckReferencesCommand>("check-references").WithDescription("Score each item's reference answer; prints agreement: X/Y.");
        config.AddCommand<ServeCommand>("serve").WithDescription("Serve the HTTP API (inference, OpenAI-compatible, search) on loopback over the embedded Durable host.");
        config.AddCommand<SearchCommand>("search").WithDescription("Architecture search (ITAS) through the embedded Durable host; no spec = the default main job (SIMULATED fleet, built-in benchmark).");
        config.AddCommand<SpaceCommand>("space").WithDescription("Show a search spec's space: axes, size, what constraints and budgets removed; --contains checks an architecture.");
        config.AddCommand<ReportCommand>("report").WithDescription("Re-render a search report (plots, report.html) from a search folder.");
        config.AddCommand<ModelsCommand>("models")
            .WithDescription("List the model catalog and check each provider is configured and reachable.");
        config.AddBranch("bench", bench =>
        {
            bench.SetDescription("Benchmarks of the engine itself.");
            bench.AddCommand<BenchLatencyCommand>("latency").WithDescription("Layer-parallel latency against a fixed-latency loopback endpoint.");
            bench.AddCommand<BenchThroughputCommand>("throughput").WithDescription("Model-call activities per second through the embedded Durable host (zero model latency).");
            bench.AddCommand<BenchStreamCommand>("stream").WithDescription("Streamed chat completion through `archon serve`: time to first token vs full answer (3 layers, streaming final fuser, loopback models).");
            bench.AddCommand<BenchSearchCommand>("search").WithDescription("Search algorithms on a SIMULATED landscape of a paper-sized space (--landscape tabular, or engine: every architecture run by the engine, stored): success rate, evaluations, model calls with/without reuse.");
            bench.AddCommand<BenchSearchScaleCommand>("search-scale")
                .WithDescription("The durable search end to end at scale (default 100 candidates × 100 items, SIMULATED fleet): time, candidate-items/s, peak memory.");
            bench.AddCommand<BenchServeCommand>("serve")
                .WithDescription("The serving hop: a one-call architecture behind `archon serve` vs the same loopback model called directly (p50/p99, rps at 32).");
        });
    }
}
