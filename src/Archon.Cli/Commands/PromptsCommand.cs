using System.ComponentModel;
using Archon.Core.Prompts;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Archon.Cli.Commands;

/// <summary>
/// <c>archon prompts</c>: <c>--export FILE</c> writes the embedded default prompt pack (a starting point for your own,
/// e.g. with the paper's exact wording); <c>--check FILE</c> validates a pack and prints its id and stages.
/// Exit 0 on success, 2 on bad input.
/// </summary>
public sealed class PromptsCommand : WriterCommand<PromptsCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--export <FILE>")]
        [Description("Write the default prompt pack to FILE (refuses to overwrite unless --force).")]
        public string? Export { get; init; }

        [CommandOption("--check <FILE>")]
        [Description("Validate a prompt pack: every stage present, every placeholder known and required ones used.")]
        public string? Check { get; init; }

        [CommandOption("--force")]
        [Description("Overwrite FILE with --export.")]
        public bool Force { get; init; }

        public override ValidationResult Validate() =>
            (Export is null) == (Check is null) ? ValidationResult.Error("give exactly one of --export FILE or --check FILE") : ValidationResult.Success();
    }

    public PromptsCommand(CliConsoles consoles)
        : base(consoles)
    {
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Export is { } path)
        {
            if (File.Exists(path) && !settings.Force)
            {
                return Task.FromResult(Fail($"{path}: exists (use --force to overwrite)"));
            }

            var dir = Path.GetDirectoryName(Path.GetFullPath(path));
            if (dir is not null)
            {
                Directory.CreateDirectory(dir);
            }

            File.WriteAllText(path, PromptPackLoader.DefaultJson());
            Output.WriteLine($"wrote {PromptPack.Default.Id} ({PromptPack.Default.Templates.Count} stages) to {path}; change \"name\" and \"version\" when you edit it");
            return Task.FromResult(0);
        }

        try
        {
            var pack = PromptPackLoader.Load(settings.Check!);
            Output.WriteLine($"OK   {settings.Check}: {pack.Id}, {pack.Templates.Count} stages");
            return Task.FromResult(0);
        }
        catch (PromptPackException ex)
        {
            return Task.FromResult(Fail(ex.Message));
        }
    }
}
