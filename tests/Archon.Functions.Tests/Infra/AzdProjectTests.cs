using System.Text.Json.Nodes;

namespace Archon.Functions.Tests.Infra;

/// <summary>The azd wiring: azure.yaml service and the parameters file azd fills from the environment.</summary>
public sealed class AzdProjectTests
{
    [Fact]
    public void AzureYaml_ApiService_IsTheFunctionsProjectOnFunctionHost()
    {
        var lines = File.ReadAllLines(Path.Combine(InfraPaths.RepoRoot, "azure.yaml"))
            .Select(l => l.Trim())
            .ToList();

        Assert.Contains("api:", lines);
        Assert.Contains("project: ./src/Archon.Functions", lines);
        Assert.Contains("language: dotnet", lines);
        Assert.Contains("host: function", lines);
        Assert.True(Directory.Exists(Path.Combine(InfraPaths.RepoRoot, "src", "Archon.Functions")));
    }

    [Fact]
    public void MainParameters_Values_ComeFromAzdEnvironmentAndMatchTemplateParameters()
    {
        var parameters = JsonNode.Parse(File.ReadAllText(Path.Combine(InfraPaths.RepoRoot, "infra", "main.parameters.json")))!["parameters"]!.AsObject();
        var declared = CompiledTemplate.MainTemplate.Root["parameters"]!.AsObject();

        Assert.Equal("${AZURE_ENV_NAME}", parameters["environmentName"]!["value"]!.ToString());
        Assert.Equal("${AZURE_LOCATION}", parameters["location"]!["value"]!.ToString());
        Assert.All(parameters, p => Assert.True(declared.ContainsKey(p.Key), $"main.parameters.json sets unknown parameter {p.Key}"));
    }

    [Fact]
    public void MainTemplate_Outputs_AreNamesAndEndpointsForAzd()
    {
        var outputs = CompiledTemplate.MainTemplate.Root["outputs"]!.AsObject();

        Assert.Contains("AZURE_FUNCTION_APP_NAME", outputs.Select(o => o.Key));
        Assert.Contains("AZURE_OPENAI_ENDPOINT", outputs.Select(o => o.Key));
        Assert.All(outputs, o => Assert.Equal("string", o.Value!["type"]!.ToString()));
    }
}
