using Archon.Core.Execution;

namespace Archon.Core.Streaming;

/// <summary>An <see cref="IModelInvoker"/> that can also hand the reply's tokens to a sink while the model produces them.</summary>
public interface IStreamingModelInvoker : IModelInvoker
{
    /// <summary>Same result as <see cref="IModelInvoker.InvokeAsync"/>; every token goes to <paramref name="sink"/> first.</summary>
    Task<ModelCallResult> InvokeStreamingAsync(ModelCallRequest request, IStreamSink sink, CancellationToken cancellationToken);
}
