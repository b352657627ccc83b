using Archon.Cli.Commands;
using Spectre.Console.Cli.Testing;
using Spectre.Console.Testing;

namespace Archon.Cli.Tests.Commands;

/// <summary>What one `archon` invocation printed: stdout, stderr, exit code.</summary>
internal sealed record CliResult(int Exit, string Out, string Error)
{
    public string[] OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public override string ToString() => $"exit {Exit}\nstdout:\n{Out}\nstderr:\n{Error}";
}

/// <summary>
/// The one way CLI tests run `archon`: the real command tree (<see cref="ArchonApp.Configure"/>, the same as
/// Program.cs) through Spectre's <see cref="CommandAppTester"/>, with test consoles for stdout and stderr and an
/// optional environment. No child process, no global <c>Console.SetOut</c>.
/// </summary>
internal static class ArchonCli
{
    public static Task<CliResult> RunAsync(params string[] args) => RunAsync(environment: null, args);

    public static Task<CliResult> RunAsync(IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        RunAsync(environment, clock: null, args);

    /// <param name="environment">Environment variables the commands see (null: the process's).</param>
    /// <param name="clock">Clock of timeouts (e.g. a FakeTimeProvider the test advances).</param>
    public static async Task<CliResult> RunAsync(IReadOnlyDictionary<string, string>? environment, TimeProvider? clock, params string[] args)
    {
        var error = new TestConsole().Width(int.MaxValue);
        var tester = new CommandAppTester(settings: new CommandAppTesterSettings { TrimConsoleOutput = false });
        var consoles = new CliConsoles(tester.Console, error);
        Func<string, string?> variable = environment is null ? Environment.GetEnvironmentVariable : name => environment.GetValueOrDefault(name);
        var env = new CliEnvironment(variable, clock);
        tester.Configure(config => ArchonApp.Configure(config, consoles, env));
        var result = await tester.RunAsync(args);
        return new CliResult(result.ExitCode, Normalize(result.Output), Normalize(error.Output));
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}
