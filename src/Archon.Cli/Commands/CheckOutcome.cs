namespace Archon.Cli.Commands;

/// <summary>Result of one check on one catalog entry (credentials, endpoint, reachability).</summary>
internal sealed record CheckOutcome(CheckStatus Status, string Detail)
{
    public static CheckOutcome Ok(string detail) => new(CheckStatus.Ok, detail);

    public static CheckOutcome Failed(string detail) => new(CheckStatus.Failed, detail);

    public static CheckOutcome Skipped(string detail) => new(CheckStatus.Skipped, detail);
}
