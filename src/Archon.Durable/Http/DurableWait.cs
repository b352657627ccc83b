using Microsoft.DurableTask.Client;

namespace Archon.Durable.Http;

internal static class DurableWait
{
    /// <summary>The finished instance, or null when it is still running after <paramref name="timeout"/>.</summary>
    public static async Task<OrchestrationMetadata?> ForCompletionAsync(DurableTaskClient client, string id, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        try
        {
            return await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, cts.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && IsCancellation(e))
        {
            return null;
        }
    }

    // The gRPC client reports its own cancellation as RpcException(Cancelled) rather than OperationCanceledException.
    private static bool IsCancellation(Exception e) =>
        e is OperationCanceledException ||
        e is Grpc.Core.RpcException { StatusCode: Grpc.Core.StatusCode.Cancelled or Grpc.Core.StatusCode.DeadlineExceeded };
}
