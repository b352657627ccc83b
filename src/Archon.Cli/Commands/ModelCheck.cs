using Archon.Core.Providers;

namespace Archon.Cli.Commands;

/// <summary>
/// What <c>archon models</c> found for one catalog entry. <see cref="Ready"/> covers configuration only
/// (key variable present, endpoint well-formed); reachability is reported but never makes an entry "not ready".
/// </summary>
internal sealed record ModelCheck(
    ModelEntry Entry,
    string? ProbeUrl,
    CheckOutcome Credentials,
    CheckOutcome Endpoint,
    CheckOutcome Reachability)
{
    public bool Ready => Credentials.Status != CheckStatus.Failed && Endpoint.Status != CheckStatus.Failed;

    public bool Unreachable => Reachability.Status == CheckStatus.Failed;
}
