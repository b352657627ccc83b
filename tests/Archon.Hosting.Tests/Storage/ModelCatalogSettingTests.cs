using Archon.Durable;
using Archon.Hosting;
using Microsoft.Extensions.Configuration;

namespace Archon.Hosting.Tests.Storage;

/// <summary>ARCHON_MODEL_CATALOG as the Bicep template sets it (inline JSON) or as a path.</summary>
public sealed class ModelCatalogSettingTests
{
    private const string Catalog = """{"models": [{"id": "gpt-x", "provider": "openai-compatible", "endpoint": "http://127.0.0.1:9/v1/", "inputPricePerMillion": 1, "outputPricePerMillion": 2}]}""";

    private static IConfiguration Config(string value) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [ArchonModelServices.CatalogSetting] = value }).Build();

    [Fact]
    public void LoadCatalog_InlineJson_ParsesTheSettingItself()
    {
        var catalog = ArchonModelServices.LoadCatalog(Config(Catalog));

        Assert.True(catalog.TryResolve("gpt-x", out var entry));
        Assert.Equal(2m, entry.OutputPricePerMillion);
    }

    [Fact]
    public void LoadCatalog_Path_LoadsTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"archon-catalog-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, Catalog);
        try
        {
            Assert.True(ArchonModelServices.LoadCatalog(Config(path)).TryResolve("gpt-x", out _));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
