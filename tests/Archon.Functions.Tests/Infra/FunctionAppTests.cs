namespace Archon.Functions.Tests.Infra;

/// <summary>The Function App: Flex Consumption, dotnet-isolated, identity-based host storage and telemetry.</summary>
public sealed class FunctionAppTests
{
    private static readonly CompiledTemplate Template = CompiledTemplate.MainTemplate;

    private static Dictionary<string, string> Settings =>
        ArmSecretScan.AppSettings(Template).ToDictionary(s => s.Name, s => s.Value, StringComparer.Ordinal);

    [Fact]
    public void Plan_Sku_IsFlexConsumptionOnLinux()
    {
        var plan = Template.Single("Microsoft.Web/serverfarms");

        Assert.Equal("FC1", plan.Text("sku.name"));
        Assert.Equal("FlexConsumption", plan.Text("sku.tier"));
        Assert.True(plan.Node("properties.reserved")!.GetValue<bool>());
    }

    [Fact]
    public void Site_Runtime_IsDotnetIsolatedOnTheAppsTargetFramework()
    {
        var site = Template.Single("Microsoft.Web/sites");

        Assert.Equal("functionapp,linux", site.Text("kind"));
        Assert.True(site.Node("properties.httpsOnly")!.GetValue<bool>());
        Assert.Equal("dotnet-isolated", site.Text("properties.functionAppConfig.runtime.name"));
        Assert.Equal("[parameters('dotnetVersion')]", site.Text("properties.functionAppConfig.runtime.version"));
        Assert.Equal("10.0", site.ParameterDefault("dotnetVersion")!.ToString());
        Assert.Equal("1.2", site.Text("properties.siteConfig.minTlsVersion"));
    }

    [Fact]
    public void Site_Identity_UserAssignedAndUsedForDeploymentStorage()
    {
        var site = Template.Single("Microsoft.Web/sites");

        Assert.Equal("UserAssigned", site.Text("identity.type"));
        Assert.Equal("UserAssignedIdentity", site.Text("properties.functionAppConfig.deployment.storage.authentication.type"));
        Assert.Contains("Microsoft.ManagedIdentity/userAssignedIdentities",
            site.Text("properties.functionAppConfig.deployment.storage.authentication.userAssignedIdentityResourceId"), StringComparison.Ordinal);
    }

    [Fact]
    public void AppSettings_AzureWebJobsStorage_IsIdentityBasedOnly()
    {
        var settings = Settings;

        Assert.DoesNotContain("AzureWebJobsStorage", settings.Keys);
        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
        Assert.Equal("[parameters('storageAccountName')]", settings["AzureWebJobsStorage__accountName"]);
        Assert.Equal("[reference('identity').clientId]", settings["AzureWebJobsStorage__clientId"]);
        Assert.Equal("[reference('identity').clientId]", settings["AZURE_CLIENT_ID"]);
    }

    [Fact]
    public void AppSettings_ApplicationInsights_UsesEntraAuthentication()
    {
        var settings = Settings;

        Assert.Equal("[format('Authorization=AAD;ClientId={0}', reference('identity').clientId)]",
            settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
        Assert.Equal("[reference('appInsights').ConnectionString]", settings["APPLICATIONINSIGHTS_CONNECTION_STRING"]);
    }

    [Fact]
    public void AppSettings_Archon_CarryTaskHubCatalogDatasetAndSchedule()
    {
        var settings = Settings;

        foreach (var name in new[] { "ARCHON_TASK_HUB", "ARCHON_MODEL_CATALOG", "ARCHON_DATASET_LOCATION", "ARCHON_SEARCH_SCHEDULE", "ARCHON_SEARCH_ID", "ARCHON_SEARCH_SPEC", "ArchonStorage__ServiceUri" })
        {
            Assert.True(settings.ContainsKey(name), $"missing app setting {name}");
        }

        Assert.Equal("blob", settings["ArchonStorage__Kind"]);
        Assert.DoesNotContain(settings.Keys, k => k.StartsWith("ArchonStorage__ConnectionString", StringComparison.Ordinal));

        // Flex Consumption rejects these: the runtime is declared in functionAppConfig instead.
        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", settings.Keys);
        Assert.DoesNotContain("FUNCTIONS_EXTENSION_VERSION", settings.Keys);
    }

    [Fact]
    public void AppSettings_EveryPercentReferenceInHostJsonAndFunctions_IsProvided()
    {
        // "%NAME%" in host.json or a trigger attribute must resolve to an app setting, or the host fails to start.
        var files = new[] { Path.Combine(InfraPaths.RepoRoot, "host.json") }
            .Concat(Directory.GetFiles(Path.Combine(InfraPaths.RepoRoot, "src", "Archon.Functions"), "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)));
        var referenced = files
            .SelectMany(f => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(f), "%([A-Za-z0-9_]+)%").Select(m => m.Groups[1].Value))
            .Distinct()
            .ToList();

        Assert.Contains("ARCHON_TASK_HUB", referenced);
        Assert.All(referenced, name => Assert.True(Settings.ContainsKey(name), $"%{name}% is referenced but the template sets no app setting {name}"));
    }

    [Fact]
    public void DatasetLocation_DefaultParameter_IsAContainerSlashPrefixTheMirrorAccepts()
    {
        var location = Template.Root["parameters"]!["datasetLocation"]!["defaultValue"]!.ToString();

        var (container, prefix) = Archon.Hosting.Storage.BlobDatasetMirror.ParseLocation(location);

        Assert.Equal(("archon-search", "datasets"), (container, prefix));
        Assert.Equal("[parameters('datasetLocation')]", Settings[Archon.Hosting.Storage.BlobDatasetMirror.LocationSetting]);
    }

    [Fact]
    public void PromptPack_Parameter_IsTheArchonPromptsSettingAndDefaultsToTheEmbeddedPack()
    {
        Assert.Equal("[parameters('promptPack')]", Settings["ARCHON_PROMPTS"]);
        Assert.Equal("", Template.Root["parameters"]!["promptPack"]!["defaultValue"]!.ToString());
    }

    [Fact]
    public void SearchSpec_DefaultParameter_IsAValidSimulatedSearchSpec()
    {
        var json = Template.Root["parameters"]!["searchSpec"]!["defaultValue"]!.ToString();

        var spec = Archon.Core.Search.SearchSpecLoader.Parse(json, "searchSpec");

        Assert.Equal("sim", spec.Catalog);
        Assert.Equal("builtin", spec.Benchmark);
        Assert.Equal("[parameters('searchSpec')]", Settings["ARCHON_SEARCH_SPEC"]);
    }

    [Fact]
    public void ModelCatalog_Entries_PointAtTheAzureOpenAiDeploymentsWithoutKeys()
    {
        var site = Template.Single("Microsoft.Web/sites");
        var entry = site.Template["variables"]!["copy"]!.AsArray()
            .Single(c => c!["name"]!.ToString() == "catalogModels")!["input"]!.AsObject();

        Assert.Equal("azure-openai", entry["provider"]!.ToString());
        Assert.Equal("[parameters('openAiEndpoint')]", entry["endpoint"]!.ToString());
        Assert.Contains("copyIndex('catalogModels')].name", entry["deployment"]!.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(entry, p => p.Key.Contains("key", StringComparison.OrdinalIgnoreCase));
    }
}
