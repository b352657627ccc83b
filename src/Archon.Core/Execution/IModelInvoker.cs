namespace Archon.Core.Execution;

/// <summary>Performs one model call (I/O). Only the in-process scheduler and the durable model-call activity use it.</summary>
public interface IModelInvoker
{
    Task<ModelCallResult> InvokeAsync(ModelCallRequest request, CancellationToken cancellationToken);
}
