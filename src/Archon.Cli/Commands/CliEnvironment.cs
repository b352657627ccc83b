namespace Archon.Cli.Commands;

/// <summary>Environment variables and the clock as commands see them (the process's in the CLI, fakes in tests).</summary>
public sealed class CliEnvironment(Func<string, string?> getVariable, TimeProvider? clock = null)
{
    public static CliEnvironment Process { get; } = new(Environment.GetEnvironmentVariable);

    /// <summary>Clock of probe timeouts and latencies.</summary>
    public TimeProvider Clock { get; } = clock ?? TimeProvider.System;

    public string? Get(string name) => getVariable(name);
}
