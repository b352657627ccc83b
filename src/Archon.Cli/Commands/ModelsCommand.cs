using Archon.Core.Providers;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Archon.Cli.Commands;

/// <summary>
/// <c>archon models</c>: lists the model catalog and checks each entry is configured (key variable present, endpoint
/// well-formed, provider known) and reachable (a cheap unauthenticated HTTP probe). An unreachable endpoint is a
/// status in the table, not a failure of the command.
/// </summary>
public sealed class ModelsCommand : AsyncCommand<ModelsSettings>
{
    private readonly IAnsiConsole console;
    private readonly TimeProvider clock;
    private readonly Func<string, string?> getEnvironmentVariable;

    public ModelsCommand(CliConsoles consoles, CliEnvironment environment)
    {
        console = consoles.Out;
        getEnvironmentVariable = environment.Get;
        clock = environment.Clock;
    }

    public override Task<int> ExecuteAsync(CommandContext context, ModelsSettings settings, CancellationToken cancellationToken) =>
        RunAsync(settings, cancellationToken);

    internal async Task<int> RunAsync(ModelsSettings settings, CancellationToken ct)
    {
        ModelCatalog catalog;
        try
        {
            catalog = ModelCatalog.LoadOrDefault(settings.Models);
        }
        catch (CatalogException ex)
        {
            console.MarkupLine($"[red]error:[/] {Markup.Escape(ex.Message)}");
            return 1;
        }

        var timeout = TimeSpan.FromSeconds(settings.TimeoutSeconds);
        using var http = new HttpClient();
        http.Timeout = Timeout.InfiniteTimeSpan; // the checker applies its own per-probe timeout
        var checker = new ProviderChecker(http, getEnvironmentVariable, timeout, clock);

        var entries = catalog.Models.OrderBy(m => m.Id, StringComparer.OrdinalIgnoreCase).ToList();
        IReadOnlyList<ModelCheck> checks = settings.Offline
            ? await checker.CheckAsync(entries, probe: false, ct).ConfigureAwait(false)
            : await console.Status().StartAsync(
                $"Probing {entries.Count} models (timeout {settings.TimeoutSeconds:0.#} s)...",
                _ => checker.CheckAsync(entries, probe: true, ct)).ConfigureAwait(false);

        console.Write(ModelsTable.Render(catalog.Source, checks));
        console.MarkupLine(Markup.Escape(ModelsTable.Summary(checks)));
        return settings.Strict && checks.Any(c => !c.Ready) ? 1 : 0;
    }
}
