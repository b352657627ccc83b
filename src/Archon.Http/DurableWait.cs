using Microsoft.DurableTask.Client;

namespace Archon.Http;

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

    // The gRPC client (embedded host) reports its own cancellation as RpcException(Cancelled or DeadlineExceeded)
    // rather than OperationCanceledException; matched by name so the handlers need no gRPC dependency.
    private static bool IsCancellation(Exception e) =>
        e is OperationCanceledException ||
        (e.GetType().Name == "RpcException"
            && (e.Message.Contains("StatusCode=\"Cancelled\"", StringComparison.Ordinal) || e.Message.Contains("StatusCode=\"DeadlineExceeded\"", StringComparison.Ordinal)));
}
