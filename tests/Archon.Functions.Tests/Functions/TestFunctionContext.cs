using Microsoft.Azure.Functions.Worker;

namespace Archon.Functions.Tests.Functions;

/// <summary>A hand-written FunctionContext: the wrappers only read its cancellation token.</summary>
internal sealed class TestFunctionContext(CancellationToken cancellationToken = default) : FunctionContext
{
    public override string InvocationId => "test-invocation";

    public override string FunctionId => "test-function";

    public override TraceContext TraceContext => null!;

    public override BindingContext BindingContext => null!;

    public override RetryContext RetryContext => null!;

    public override IServiceProvider InstanceServices { get; set; } = null!;

    public override FunctionDefinition FunctionDefinition => null!;

    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

    public override Microsoft.Azure.Functions.Worker.IInvocationFeatures Features => null!;

    public override CancellationToken CancellationToken => cancellationToken;
}
