using Spectre.Console;

namespace Archon.Cli.Commands;

/// <summary>
/// An <see cref="IAnsiConsole"/> over a plain <see cref="TextWriter"/>: commands render their tables through it so tests
/// can pass a <see cref="StringWriter"/> (no colours, no ANSI codes, wide enough that rows do not wrap).
/// </summary>
internal static class CliConsole
{
    public static IAnsiConsole For(TextWriter writer)
    {
        if (ReferenceEquals(writer, Console.Out))
        {
            return AnsiConsole.Console;
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 240;
        return console;
    }
}
