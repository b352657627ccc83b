namespace Archon.Functions.Tests.Infra;

/// <summary>The Bicep gate CI relies on: the template compiles and lints clean, and lint really fails on violations.</summary>
public sealed class BicepCompileTests
{
    [Fact]
    public void Build_MainBicep_SucceedsWithoutDiagnostics()
    {
        var template = CompiledTemplate.MainTemplate;

        Assert.Equal(0, template.Build.ExitCode);
        Assert.Empty(template.Build.Diagnostics);
        Assert.Equal("subscriptionDeploymentTemplate.json#", template.Root["$schema"]!.ToString().Split('/')[^1]);
    }

    [Fact]
    public void Lint_FileViolatingARule_FailsBecauseBicepConfigRaisesRulesToError()
    {
        // bicep lint exits 0 on warnings; the repo's bicepconfig.json must turn rule hits into errors.
        var dir = Directory.CreateTempSubdirectory("archon-lint-");
        try
        {
            File.Copy(InfraPaths.BicepConfig, Path.Combine(dir.FullName, "bicepconfig.json"));
            var file = Path.Combine(dir.FullName, "bad.bicep");
            File.WriteAllText(file, "param unusedName string = 'x'\n");

            var run = BicepCli.Run("lint", file);

            Assert.NotEqual(0, run.ExitCode);
            Assert.Contains(run.Diagnostics, d => d.Contains("Error no-unused-params", StringComparison.Ordinal));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Lint_MainAndEveryModule_HaveNoWarningsOrErrors()
    {
        // Modules lint on their own too (e.g. an unused param in a module is not reported through main.bicep).
        var files = Directory.GetFiles(Path.Combine(InfraPaths.RepoRoot, "infra"), "*.bicep", SearchOption.AllDirectories);
        Assert.True(files.Length >= 7, $"expected main.bicep and its modules, found {files.Length}");

        var run = BicepCli.Run("lint", "--pattern", "infra/**/*.bicep");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Empty(run.Diagnostics);
    }
}
