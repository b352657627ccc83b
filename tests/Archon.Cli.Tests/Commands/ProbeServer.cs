using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Archon.Cli.Tests.Commands;

/// <summary>
/// A tiny HTTP/1.1 server on a free loopback port for probe tests: answers every request with a fixed status, or
/// accepts the connection and never answers (to exercise timeouts). Records each request's head.
/// </summary>
internal sealed class ProbeServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;
    private readonly int? status;
    private readonly List<string> requests = [];
    private readonly TaskCompletionSource firstRequest = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <param name="status">HTTP status to answer with; null = never answer.</param>
    public ProbeServer(int? status)
    {
        this.status = status;
        listener.Start();
        loop = AcceptLoopAsync();
    }

    public string BaseUrl => $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";

    /// <summary>Completes when the head of the first request has arrived (a barrier: the client is now waiting).</summary>
    public Task FirstRequest => firstRequest.Task;

    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (requests)
            {
                return requests.ToList();
            }
        }
    }

    private async Task AcceptLoopAsync()
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var client = await listener.AcceptTcpClientAsync(stop.Token);
                _ = HandleAsync(client);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private async Task HandleAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            var head = new StringBuilder();
            var buffer = new byte[4096];
            try
            {
                while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                {
                    var n = await stream.ReadAsync(buffer, stop.Token);
                    if (n == 0)
                    {
                        return;
                    }

                    head.Append(Encoding.ASCII.GetString(buffer, 0, n));
                }

                lock (requests)
                {
                    requests.Add(head.ToString());
                }

                firstRequest.TrySetResult();

                if (status is not { } code)
                {
                    // Hold the connection open without answering until the server is disposed.
                    var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    using (stop.Token.Register(() => held.TrySetResult()))
                    {
                        await held.Task;
                    }

                    return;
                }

                var response = $"HTTP/1.1 {code} Status\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(response), stop.Token);
            }
            catch (OperationCanceledException)
            {
            }
            catch (IOException)
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await loop;
        stop.Dispose();
    }
}
