using System.Text.Json.Nodes;

namespace Archon.Functions.Tests.Infra;

/// <summary>Security posture of the individual resources in the compiled template.</summary>
public sealed class ResourceSecurityTests
{
    private static readonly CompiledTemplate Template = CompiledTemplate.MainTemplate;

    [Fact]
    public void StorageAccount_Properties_HttpsOnlyTls12SharedKeyOffNoPublicBlobs()
    {
        var storage = Template.Single("Microsoft.Storage/storageAccounts");

        Assert.True(storage.Node("properties.supportsHttpsTrafficOnly")!.GetValue<bool>());
        Assert.Equal("TLS1_2", storage.Text("properties.minimumTlsVersion"));
        Assert.False(storage.Node("properties.allowSharedKeyAccess")!.GetValue<bool>());
        Assert.False(storage.Node("properties.allowBlobPublicAccess")!.GetValue<bool>());
    }

    [Fact]
    public void StorageAccount_Services_BlobQueueAndTableForTheDurableBackend()
    {
        Assert.Single(Template.OfType("Microsoft.Storage/storageAccounts/blobServices"));
        Assert.Single(Template.OfType("Microsoft.Storage/storageAccounts/queueServices"));
        Assert.Single(Template.OfType("Microsoft.Storage/storageAccounts/tableServices"));
    }

    [Fact]
    public void BlobContainers_Defaults_CreateArchonContainersWithoutPublicAccess()
    {
        var containers = Template.OfType("Microsoft.Storage/storageAccounts/blobServices/containers");
        var names = new List<string>();
        foreach (var c in containers)
        {
            Assert.Equal("None", c.Text("properties.publicAccess"));
            if (c.Body["copy"] is not null)
            {
                names.AddRange(c.ParameterDefault("containerNames")!.AsArray().Select(n => n!.ToString()));
            }
            else
            {
                names.Add(c.ParameterDefault("deploymentContainerName")!.ToString());
            }
        }

        Assert.Equal(
            new[] { "archon-architectures", "archon-cache", "archon-search", "archon-traces", "deploymentpackage" },
            names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void OpenAiAccount_Properties_LocalAuthDisabledWithCustomSubdomain()
    {
        var account = Template.Single("Microsoft.CognitiveServices/accounts");

        Assert.Equal("OpenAI", account.Text("kind"));
        Assert.True(account.Node("properties.disableLocalAuth")!.GetValue<bool>());
        Assert.False(string.IsNullOrEmpty(account.Text("properties.customSubDomainName")));
    }

    [Fact]
    public void OpenAiDeployments_Parameter_OneSerialDeploymentPerCatalogModel()
    {
        var deployments = Template.Single("Microsoft.CognitiveServices/accounts/deployments");

        Assert.Equal("[length(parameters('deployments'))]", deployments.Body["copy"]!["count"]!.ToString());
        Assert.Equal(1, deployments.Body["copy"]!["batchSize"]!.GetValue<int>());
        var defaults = Template.Root["parameters"]!["modelDeployments"]!["defaultValue"]!.AsArray();
        Assert.NotEmpty(defaults);
        Assert.All(defaults, d => decimal.Parse(d!["inputPricePerMillion"]!.ToString(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void ApplicationInsights_Properties_WorkspaceBasedWithLocalAuthDisabled()
    {
        var insights = Template.Single("Microsoft.Insights/components");
        Assert.Single(Template.OfType("Microsoft.OperationalInsights/workspaces"));

        Assert.True(insights.Node("properties.DisableLocalAuth")!.GetValue<bool>());
        Assert.Contains("Microsoft.OperationalInsights/workspaces", insights.Text("properties.WorkspaceResourceId"), StringComparison.Ordinal);
    }

    [Fact]
    public void RoleAssignments_AppIdentity_GetsAllFiveDataRoles()
    {
        var expected = new Dictionary<string, string>
        {
            ["b7e6dc6d-f1e8-4753-8033-0f276bb0955b"] = "Storage Blob Data Owner",
            ["974c5e8b-45b9-4653-ba55-5f855dd0fb88"] = "Storage Queue Data Contributor",
            ["0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3"] = "Storage Table Data Contributor",
            ["5e0bd9bd-7b93-4f28-af87-19fc36ad61bd"] = "Cognitive Services OpenAI User",
            ["3913510d-42f4-4e42-8a64-420c390055eb"] = "Monitoring Metrics Publisher",
        };

        // The module the app identity's principal id flows into.
        var module = Template.Resources.Single(r => r.Type == "Microsoft.Resources/deployments"
            && r.Node("properties.parameters.principalType.value")?.ToString() == "ServicePrincipal");
        Assert.Contains("reference('identity').outputs.principalId", module.Text("properties.parameters.principalId.value"), StringComparison.Ordinal);

        var assigned = Template.OfType("Microsoft.Authorization/roleAssignments")
            .Where(r => r.Module == module.SymbolicName)
            .Select(r => ResolveRoleId(r))
            .ToList();

        Assert.Equal(expected.Keys.Order(), assigned.Order());
    }

    [Fact]
    public void RoleAssignments_Scope_IndividualResourcesNotTheResourceGroup()
    {
        var assignments = Template.OfType("Microsoft.Authorization/roleAssignments");

        Assert.NotEmpty(assignments);
        Assert.All(assignments, a => Assert.StartsWith("[resourceId(", a.Text("scope"), StringComparison.Ordinal));
    }

    // "[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', variables('roleIds').x)]" → the GUID.
    private static string ResolveRoleId(ArmResource assignment)
    {
        var expr = assignment.Text("properties.roleDefinitionId")!;
        const string marker = "variables('roleIds').";
        var start = expr.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(start >= 0, $"unexpected roleDefinitionId expression {expr}");
        var key = expr[(start + marker.Length)..].TrimEnd(']', ')');
        var id = assignment.Template["variables"]!["roleIds"]![key]!.ToString();
        Assert.True(Guid.TryParse(id, out _), $"{key} is not a role definition GUID: {id}");
        return id;
    }
}
