namespace Archon.Core.Schema;

/// <summary>The JSON Schema of architecture files, embedded in this assembly; a test keeps it in step with the loader.</summary>
public static class ArchitectureSchema
{
    public const string ResourceName = "Archon.Core.architecture.schema.json";

    public static string Text { get; } = Read();

    private static string Read()
    {
        using var stream = typeof(ArchitectureSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
