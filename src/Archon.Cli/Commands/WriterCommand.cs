using Spectre.Console;
using Spectre.Console.Cli;

namespace Archon.Cli.Commands;

/// <summary>
/// A command that writes results to <see cref="Output"/> and errors/progress to <see cref="Error"/> (the injected
/// <see cref="CliConsoles"/>: the process console in the CLI, test consoles in tests). Bad input ends in
/// <see cref="Fail"/>: one plain line, exit code 2.
/// </summary>
public abstract class WriterCommand<TSettings> : AsyncCommand<TSettings>
    where TSettings : CommandSettings
{
    private protected WriterCommand(CliConsoles consoles)
    {
        Consoles = consoles;
    }

    private protected CliConsoles Consoles { get; }

    /// <summary>Tables and markup on stdout.</summary>
    private protected IAnsiConsole Ansi => Consoles.Out;

    private protected TextWriter Output => Consoles.OutWriter;

    private protected TextWriter Error => Consoles.ErrorWriter;

    /// <summary>Plain text, no markup: an error line must not wrap or carry escape codes, so scripts can read it whole.</summary>
    private protected int Fail(string message)
    {
        Error.WriteLine($"error: {message}");
        return 2;
    }
}
