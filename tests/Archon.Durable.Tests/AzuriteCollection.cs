namespace Archon.Durable.Tests;

/// <summary>One Azurite for every test of this assembly that needs Blob Storage (xunit collections are per assembly).</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
