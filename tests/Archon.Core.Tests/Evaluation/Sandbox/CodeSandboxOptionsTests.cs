using Archon.Core.Evaluation.Sandbox;

namespace Archon.Core.Tests.Evaluation.Sandbox;

public sealed class CodeSandboxOptionsTests
{
    private static Func<string, string?> Env(params (string Key, string Value)[] vars) =>
        key => vars.FirstOrDefault(v => v.Key == key).Value;

    [Fact]
    public void FromEnvironment_Nothing_IsLocal()
    {
        var options = CodeSandboxOptions.FromEnvironment(Env());
        Assert.Equal(SandboxKind.Local, options.Kind);
        Assert.IsType<BubblewrapSandbox>(CodeSandbox.Create(options));
    }

    [Fact]
    public void FromEnvironment_SessionPoolWithEndpoint_CreatesSessionPoolSandbox()
    {
        var options = CodeSandboxOptions.FromEnvironment(Env(("ArchonSandbox__Kind", "SessionPool"),
            ("ArchonSandbox__SessionPool__Endpoint", "https://swedencentral.dynamicsessions.io/subscriptions/s/resourceGroups/r/sessionPools/p")));
        Assert.Equal(SandboxKind.SessionPool, options.Kind);
        using var sandbox = Assert.IsType<SessionPoolSandbox>(CodeSandbox.Create(options, new FakeCredential("t", DateTimeOffset.MaxValue)));
        Assert.Contains("swedencentral.dynamicsessions.io", sandbox.Isolation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Docker", null, "ArchonSandbox__Kind must be Local or SessionPool (got 'Docker')")]
    [InlineData("SessionPool", null, "ArchonSandbox:SessionPool:Endpoint is required")]
    [InlineData("SessionPool", "http://example.com/pool", "must be an absolute https URL")]
    [InlineData("SessionPool", "not a url", "ArchonSandbox__SessionPool__Endpoint must be an absolute URL")]
    public void FromEnvironment_BadSetting_NamesIt(string kind, string? endpoint, string message)
    {
        var vars = endpoint is null ? Env(("ArchonSandbox__Kind", kind)) : Env(("ArchonSandbox__Kind", kind), ("ArchonSandbox__SessionPool__Endpoint", endpoint));
        var ex = Assert.Throws<ArgumentException>(() => CodeSandboxOptions.FromEnvironment(vars));
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validator_BadLimits_FailsWithEveryRule()
    {
        var options = new CodeSandboxOptions { Limits = new SandboxOptions { CpuSeconds = 0, MaxParallel = 0 } };
        var result = new CodeSandboxOptionsValidator().Validate(null, options);
        Assert.True(result.Failed);
        Assert.Contains("Sandbox.CpuSeconds must be >= 1.", result.Failures!);
        Assert.Contains("Sandbox.MaxParallel must be in [1, 256].", result.Failures!);
    }
}
