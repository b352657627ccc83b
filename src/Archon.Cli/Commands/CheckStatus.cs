namespace Archon.Cli.Commands;

internal enum CheckStatus
{
    Ok,
    Failed,
    Skipped,
}
