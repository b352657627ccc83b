namespace Archon.Functions.Tests.Infra;

/// <summary>The dynamic-sessions pool that runs model-written code in Azure (docs/sandbox.md).</summary>
public sealed class SessionPoolTests
{
    private const string SessionExecutorRoleId = "0fb8eba5-a2bb-4abe-b1c1-49dfad359bb0";
    private static readonly CompiledTemplate Template = CompiledTemplate.MainTemplate;

    [Fact]
    public void Pool_IsADynamicPythonInterpreterWithoutEgress()
    {
        var pool = Template.Single("Microsoft.App/sessionPools");

        Assert.Equal("Dynamic", pool.Text("properties.poolManagementType"));
        Assert.Equal("PythonLTS", pool.Text("properties.containerType"));
        Assert.Equal("EgressDisabled", pool.Text("properties.sessionNetworkConfiguration.status"));
        Assert.Equal("Timed", pool.Text("properties.dynamicPoolConfiguration.executionType"));
    }

    [Fact]
    public void Pool_AppIdentity_GetsOnlySessionExecutorOnThePool()
    {
        var assignments = Template.OfType("Microsoft.Authorization/roleAssignments")
            .Where(a => a.Text("properties.roleDefinitionId")!.Contains("variables('roleIds').sessionExecutor", StringComparison.Ordinal)).ToList();

        var executor = Assert.Single(assignments);
        Assert.Equal(SessionExecutorRoleId, executor.Template["variables"]!["roleIds"]!["sessionExecutor"]!.ToString());
        Assert.Contains("Microsoft.App/sessionPools", executor.Text("scope"), StringComparison.Ordinal);
        Assert.Equal("ServicePrincipal", executor.Text("properties.principalType"));
        Assert.Equal("[parameters('executorPrincipalId')]", executor.Text("properties.principalId"));
    }

    [Fact]
    public void AppSettings_SelectTheSessionPoolSandbox()
    {
        var settings = ArmSecretScan.AppSettings(Template).ToDictionary(s => s.Name, s => s.Value, StringComparer.Ordinal);

        Assert.Equal("SessionPool", settings["ArchonSandbox__Kind"]);
        Assert.Equal("[parameters('sessionPoolEndpoint')]", settings["ArchonSandbox__SessionPool__Endpoint"]);
    }
}
