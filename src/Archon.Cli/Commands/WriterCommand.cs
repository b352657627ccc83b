using Spectre.Console.Cli;

namespace Archon.Cli.Commands;

/// <summary>
/// A command that writes results to <see cref="Output"/> and errors/progress to <see cref="Error"/> (the console in
/// the CLI, <see cref="StringWriter"/>s in tests). Bad input ends in <see cref="Fail"/>: one plain line, exit code 2.
/// </summary>
public abstract class WriterCommand<TSettings> : AsyncCommand<TSettings>
    where TSettings : CommandSettings
{
    private protected WriterCommand(TextWriter output, TextWriter error)
    {
        Output = output;
        Error = error;
    }

    private protected TextWriter Output { get; }

    private protected TextWriter Error { get; }

    /// <summary>Plain text, no markup: an error line must not wrap or carry escape codes, so scripts can read it whole.</summary>
    private protected int Fail(string message)
    {
        Error.WriteLine($"error: {message}");
        return 2;
    }
}
