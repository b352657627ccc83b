using Archon.Core.Execution;
using Archon.Core.Storage;
using Archon.Durable;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Archon.TestSupport;

/// <summary>
/// Starts a real Azurite (from the repository's own npm manifest; runs <c>npm ci</c> when node_modules is missing)
/// on free loopback ports with a temporary data folder, and stops it afterwards.
/// <c>--skipApiVersionCheck</c> is required: Azure.Storage.Blobs sends a newer API version than Azurite accepts.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly string _location = Path.Combine(Path.GetTempPath(), $"archon-azurite-{Guid.NewGuid():N}");
    private Process? _process;

    public int BlobPort { get; private set; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};BlobEndpoint=http://127.0.0.1:{BlobPort}/devstoreaccount1;";

    public async Task InitializeAsync()
    {
        var root = TestPaths.RepoRoot;
        var azurite = Path.Combine(root, "node_modules", ".bin", "azurite");
        if (!File.Exists(azurite))
        {
            await RunAsync("npm", "ci --no-audit --no-fund", root, TimeSpan.FromMinutes(5));
        }

        Directory.CreateDirectory(_location);
        // Free ports are probed, then handed to Azurite: another process can take one in between, and Azurite then
        // exits at once. A new set of ports is tried (three attempts) and the last error is kept for the message.
        for (var attempt = 1; ; attempt++)
        {
            BlobPort = FreePort();
            var args = string.Join(' ',
                "--silent", "--skipApiVersionCheck", "--loose", "--location", _location,
                "--blobHost", "127.0.0.1", "--blobPort", BlobPort,
                "--queueHost", "127.0.0.1", "--queuePort", FreePort(),
                "--tableHost", "127.0.0.1", "--tablePort", FreePort());
            _process = Process.Start(new ProcessStartInfo(azurite, args)
            {
                WorkingDirectory = root,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            }) ?? throw new InvalidOperationException($"could not start {azurite}");
            var stderr = new System.Collections.Concurrent.ConcurrentQueue<string>();
            _process.OutputDataReceived += (_, e) => { if (e.Data is { } line) { stderr.Enqueue(line); } };
            _process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) { stderr.Enqueue(line); } };
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
            try
            {
                await WaitForPortAsync(BlobPort, TimeSpan.FromSeconds(30));
                return;
            }
            catch (InvalidOperationException e) when (attempt < 3)
            {
                Console.Error.WriteLine($"{e.Message} (attempt {attempt}; output: {string.Join(" | ", stderr.TakeLast(3))}); retrying on new ports");
                _process.Dispose();
            }
            catch (InvalidOperationException e)
            {
                throw new InvalidOperationException($"{e.Message}; output: {string.Join(" | ", stderr.TakeLast(5))}", e);
            }
        }
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process?.Dispose();
        try
        {
            Directory.Delete(_location, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind is harmless.
        }

        return Task.CompletedTask;
    }

    private async Task WaitForPortAsync(int port, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process is { HasExited: true })
            {
                throw new InvalidOperationException($"Azurite exited with code {_process.ExitCode} before listening on {port}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                // Wall-clock wait on purpose: Azurite is a separate Node process with no readiness signal but its port.
                await Task.Delay(100);
            }
        }

        throw new TimeoutException($"Azurite did not listen on 127.0.0.1:{port} within {timeout}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string file, string args, string workingDirectory, TimeSpan timeout)
    {
        using var process = Process.Start(new ProcessStartInfo(file, args)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException($"could not start {file}");
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cts.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {args} failed ({process.ExitCode}): {await stderr}");
        }
    }
}
