using Azure.Core;

namespace Archon.Core.Tests.Evaluation.Sandbox;

/// <summary>A TokenCredential that hands out one token and records the scopes it was asked for.</summary>
internal sealed class FakeCredential(string token, DateTimeOffset expiresOn) : TokenCredential
{
    public List<string[]> Requests { get; } = [];

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        lock (Requests) { Requests.Add(requestContext.Scopes); }
        return new AccessToken(token, expiresOn);
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
