namespace Archon.Cli.Commands;

/// <summary>Where `run` and `bench latency` execute: the embedded Durable host (default) or plain in-process tasks.</summary>
internal static class HostKind
{
    public const string Durable = "durable";
    public const string InProcess = "inprocess";

    public static bool IsValid(string? value) => value is Durable or InProcess;

    public const string Rule = "--host: must be durable or inprocess";
}
