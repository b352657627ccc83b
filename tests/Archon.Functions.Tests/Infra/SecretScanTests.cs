namespace Archon.Functions.Tests.Infra;

/// <summary>No key, SAS or key-bearing connection string anywhere in the compiled template or its outputs.</summary>
public sealed class SecretScanTests
{
    [Fact]
    public void Scan_MainTemplate_FindsNoSecrets()
    {
        var findings = ArmSecretScan.Scan(CompiledTemplate.MainTemplate);

        Assert.Empty(findings);
    }

    [Fact]
    public void Scan_TemplateThatOutputsAStorageKey_ReportsIt()
    {
        // Proves the scanner can fail: a typical key-leaking template is caught on several counts.
        var dir = Directory.CreateTempSubdirectory("archon-scan-");
        try
        {
            var file = Path.Combine(dir.FullName, "leaky.bicep");
            File.WriteAllText(file, """
                param location string = resourceGroup().location
                resource sa 'Microsoft.Storage/storageAccounts@2024-01-01' = {
                  name: 'leaky${uniqueString(resourceGroup().id)}'
                  location: location
                  kind: 'StorageV2'
                  sku: { name: 'Standard_LRS' }
                }
                output storageConnectionString string = 'DefaultEndpointsProtocol=https;AccountName=${sa.name};AccountKey=${sa.listKeys().keys[0].value}'
                """);

            var findings = ArmSecretScan.Scan(CompiledTemplate.Compile(file));

            Assert.Contains(findings, f => f.Contains("listKeys", StringComparison.OrdinalIgnoreCase));
            Assert.Contains(findings, f => f.Contains("AccountKey", StringComparison.Ordinal));
            Assert.Contains(findings, f => f.Contains("'storageConnectionString' is named like a secret", StringComparison.Ordinal));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void AppSettings_FunctionApp_ContainNoKeysOrKeyBasedConnectionStrings()
    {
        var settings = ArmSecretScan.AppSettings(CompiledTemplate.MainTemplate).ToList();

        Assert.NotEmpty(settings);
        Assert.DoesNotContain(settings, s => s.Value.Contains("AccountKey", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(settings, s => s.Value.Contains("DefaultEndpointsProtocol", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(settings, s => s.Value.Contains("InstrumentationKey=", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(settings, s => s.Name.Contains("KEY", StringComparison.OrdinalIgnoreCase)
            || s.Name.Contains("SECRET", StringComparison.OrdinalIgnoreCase)
            || s.Name.Contains("PASSWORD", StringComparison.OrdinalIgnoreCase));
    }
}
