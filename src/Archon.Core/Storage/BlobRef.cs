namespace Archon.Core.Storage;

/// <summary>A reference to a stored result; orchestrations pass these instead of large payloads.</summary>
public sealed record BlobRef(string Container, string Name)
{
    public override string ToString() => $"{Container}/{Name}";
}
