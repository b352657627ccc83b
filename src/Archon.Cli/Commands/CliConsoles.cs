using Spectre.Console;

namespace Archon.Cli.Commands;

/// <summary>
/// Where commands write: <see cref="Out"/> for results (answers, tables, JSON) and <see cref="Error"/> for errors and
/// progress, so `--json` output stays parseable. Commands get it by constructor injection; the CLI passes the process
/// console and stderr, tests pass two <c>TestConsole</c>s. Nothing in the CLI writes to <see cref="Console"/> directly.
/// </summary>
public sealed class CliConsoles(IAnsiConsole output, IAnsiConsole error)
{
    public IAnsiConsole Out { get; } = output;

    public IAnsiConsole Error { get; } = error;

    /// <summary>Raw text on stdout (JSON, lines scripts read): bypasses Spectre's wrapping at the console width.</summary>
    public TextWriter OutWriter => Out.Profile.Out.Writer;

    /// <summary>Raw text on stderr: error lines must not wrap or carry escape codes, so scripts can read them whole.</summary>
    public TextWriter ErrorWriter => Error.Profile.Out.Writer;

    /// <summary>The process's stdout and stderr.</summary>
    public static CliConsoles ForProcess() =>
        new(AnsiConsole.Console, AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(System.Console.Error) }));
}
