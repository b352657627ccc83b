namespace Archon.Cli.Tests.Commands;

public sealed class ServeCommandTests
{
    [Theory]
    [InlineData("sideways")]
    [InlineData("2")]
    public async Task Serve_UnknownInferenceMode_FailsNamingTheOptionBeforeStarting(string mode)
    {
        var result = await ArchonCli.RunAsync("serve", "--inference", mode, "--port", "0");

        Assert.NotEqual(0, result.Exit);
        Assert.Contains($"--inference '{mode}': must be inline or durable", result.Out + result.Error, StringComparison.Ordinal);
    }
}
