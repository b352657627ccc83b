using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Archon.Core.Providers;

namespace Archon.Functions.Tests.Infra;

/// <summary>
/// The ARCHON_MODEL_CATALOG app setting the template writes must be a catalog Archon.Core can load. The ARM
/// expressions of the catalog entry are evaluated here for the template's default model deployments.
/// </summary>
public sealed partial class CatalogSettingTests
{
    private const string Endpoint = "https://oai-archon-test.openai.azure.com/";

    [GeneratedRegex(@"^\[(?<json>json\()?parameters\('modelDeployments'\)\[copyIndex\('catalogModels'\)\]\.(?<field>\w+)\)?\]$")]
    private static partial Regex DeploymentField();

    [Fact]
    public void CatalogSetting_DefaultDeployments_LoadsWithModelCatalog()
    {
        var template = CompiledTemplate.MainTemplate;
        var site = template.Single("Microsoft.Web/sites");
        var setting = ArmSecretScan.AppSettings(template).Single(s => s.Name == "ARCHON_MODEL_CATALOG");
        Assert.Equal("[string(variables('modelCatalog'))]", setting.Value);
        Assert.Equal("[variables('catalogModels')]", site.Template["variables"]!["modelCatalog"]!["models"]!.ToString());

        var input = site.Template["variables"]!["copy"]!.AsArray().Single(c => c!["name"]!.ToString() == "catalogModels")!["input"]!.AsObject();
        var deployments = template.Root["parameters"]!["modelDeployments"]!["defaultValue"]!.AsArray();
        var models = new JsonArray(deployments.Select(d => (JsonNode)Evaluate(input, d!.AsObject())).ToArray());
        var json = new JsonObject { ["models"] = models }.ToJsonString();

        var catalog = ModelCatalog.Parse(json, "ARCHON_MODEL_CATALOG");

        Assert.Equal(deployments.Count, catalog.Models.Count);
        var mini = catalog.Resolve("gpt-4o-mini");
        Assert.Equal("azure-openai", mini.Provider);
        Assert.Equal(Endpoint, mini.Endpoint);
        Assert.Equal("gpt-4o-mini", mini.Deployment);
        Assert.Null(mini.ApiKeyEnv);
        Assert.Equal(0.15m, mini.InputPricePerMillion);
        Assert.Equal(0.6m, mini.OutputPricePerMillion);
    }

    // Evaluates the few expression shapes the catalog entry uses; anything else fails the test loudly.
    private static JsonObject Evaluate(JsonObject input, JsonObject deployment)
    {
        var entry = new JsonObject();
        foreach (var (name, node) in input)
        {
            var text = node!.ToString();
            if (!text.StartsWith('['))
            {
                entry[name] = text;
                continue;
            }

            if (text == "[parameters('openAiEndpoint')]")
            {
                entry[name] = Endpoint;
                continue;
            }

            var match = DeploymentField().Match(text);
            Assert.True(match.Success, $"catalog field {name}: unsupported expression {text}");
            var value = deployment[match.Groups["field"].Value]!.ToString();
            entry[name] = match.Groups["json"].Success ? JsonNode.Parse(value) : value;
        }

        return entry;
    }
}
