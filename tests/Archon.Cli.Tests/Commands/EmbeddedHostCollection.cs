namespace Archon.Cli.Tests.Commands;

/// <summary>
/// Test classes that start the embedded Durable host run one after another: on a 2-core machine two hosts at once
/// only slow each other down (and distort the latency bench).
/// </summary>
[CollectionDefinition(Name)]
public sealed class EmbeddedHostCollection
{
    public const string Name = "embedded Durable host";
}
