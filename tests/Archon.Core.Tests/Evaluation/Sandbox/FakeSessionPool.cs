using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Archon.Core.Tests.Evaluation.Sandbox;

/// <summary>
/// A loopback server speaking the dynamic-sessions data plane (<c>POST …/executions?api-version&amp;identifier</c>,
/// bearer auth, JSON body) and executing each session's code in its own persistent local Python kernel, so the
/// session-pool sandbox is tested end to end over real HTTP. Test-only: the kernels are NOT sandboxed.
/// </summary>
internal sealed class FakeSessionPool : IDisposable
{
    public const string PoolPath = "/subscriptions/sub/resourceGroups/rg/sessionPools/pool";
    private const string KernelSource = """
import contextlib, io, json, sys, traceback
g = {"__name__": "__main__"}
for line in sys.stdin:
    out, err = io.StringIO(), io.StringIO()
    status = "Succeeded"
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            exec(compile(json.loads(line)["code"], "<cell>", "exec"), g)
        except BaseException:
            traceback.print_exc()
    sys.__stdout__.write(json.dumps({"status": status, "stdout": out.getvalue(), "stderr": err.getvalue()}) + "\n")
    sys.__stdout__.flush()
""";

    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, Process> _kernels = new();
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new();
    private readonly Task _loop;

    public FakeSessionPool(string token, int failWithStatus = 0)
    {
        Token = token;
        FailWithStatus = failWithStatus;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Endpoint = new Uri($"http://127.0.0.1:{port}{PoolPath}");
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public Uri Endpoint { get; }
    public string Token { get; }
    public int FailWithStatus { get; }
    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public void Dispose()
    {
        _listener.Close();
        foreach (var k in _kernels.Values)
        {
            try { k.Kill(); } catch (InvalidOperationException) { /* exited */ }
            k.Dispose();
        }
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext ctx;
            try { ctx = await _listener.GetContextAsync(); }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException) { return; }
            _ = Task.Run(() => HandleAsync(ctx));
        }
    }

    private async Task HandleAsync(HttpListenerContext ctx)
    {
        using var reader = new StreamReader(ctx.Request.InputStream, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var request = new RecordedRequest(ctx.Request.HttpMethod, ctx.Request.Url!.AbsolutePath, ctx.Request.QueryString["api-version"],
            ctx.Request.QueryString["identifier"], ctx.Request.Headers["Authorization"], ctx.Request.ContentType, body);
        Requests.Enqueue(request);
        if (FailWithStatus != 0)
        {
            await ReplyAsync(ctx, FailWithStatus, """{"error":{"code":"Forbidden","message":"principal lacks Session Executor"}}""");
            return;
        }

        if (request.Authorization != $"Bearer {Token}" || request.Path != PoolPath + "/executions" || request.Identifier is null)
        {
            await ReplyAsync(ctx, 401, """{"error":{"code":"Unauthorized"}}""");
            return;
        }

        var code = JsonNode.Parse(body)!["code"]!.GetValue<string>();
        var result = await ExecuteAsync(request.Identifier, code);
        var reply = new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["identifier"] = request.Identifier,
            ["executionType"] = "Synchronous",
            ["status"] = result["status"]!.GetValue<string>(),
            ["result"] = new JsonObject
            {
                ["stdout"] = result["stdout"]!.GetValue<string>(),
                ["stderr"] = result["stderr"]!.GetValue<string>(),
                ["executionResult"] = null,
                ["executionTimeInMilliseconds"] = 1,
            },
        };
        await ReplyAsync(ctx, 200, reply.ToJsonString());
    }

    private async Task<JsonNode> ExecuteAsync(string identifier, string code)
    {
        var gate = _locks.GetOrAdd(identifier, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync();
        try
        {
            var kernel = _kernels.GetOrAdd(identifier, _ => StartKernel());
            await kernel.StandardInput.WriteLineAsync(JsonSerializer.Serialize(new { code }));
            await kernel.StandardInput.FlushAsync();
            var line = await kernel.StandardOutput.ReadLineAsync();
            if (line is null)
            {
                _kernels.TryRemove(identifier, out _);
                return JsonNode.Parse("""{"status":"Failed","stdout":"","stderr":"kernel exited"}""")!;
            }

            return JsonNode.Parse(line)!;
        }
        finally
        {
            gate.Release();
        }
    }

    private static Process StartKernel()
    {
        var psi = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(KernelSource);
        return Process.Start(psi)!;
    }

    private static async Task ReplyAsync(HttpListenerContext ctx, int status, string json)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json";
        var bytes = Encoding.UTF8.GetBytes(json);
        await ctx.Response.OutputStream.WriteAsync(bytes);
        ctx.Response.Close();
    }

    internal sealed record RecordedRequest(string Method, string Path, string? ApiVersion, string? Identifier, string? Authorization, string? ContentType, string Body);
}
