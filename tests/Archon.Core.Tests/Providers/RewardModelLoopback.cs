using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Archon.Core.Tests.Providers;

/// <summary>
/// A reward-model endpoint on loopback speaking the documented wire format (docs/model-catalog.md, "Reward models"):
/// POST /compare {model, query, pairs:[{a,b}]} → {probabilities:[…]} and POST /score {model, query, responses} → {scores:[…]}.
/// The score of a response is given by <c>score</c>; a pair's probability is a logistic of the score difference.
/// </summary>
internal sealed class RewardModelLoopback : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly Task loop;
    private readonly Func<string, double> score;

    public RewardModelLoopback(Func<string, double> score)
    {
        this.score = score;
        var port = FreePort();
        BaseUri = new Uri($"http://127.0.0.1:{port}/reward/");
        listener.Prefixes.Add(BaseUri.ToString());
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public Uri BaseUri { get; }

    public ConcurrentQueue<(string Route, JsonObject Body)> Received { get; } = new();

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = JsonNode.Parse(await reader.ReadToEndAsync())!.AsObject();
            var route = context.Request.Url!.AbsolutePath;
            Received.Enqueue((route, body));
            JsonObject reply = route.EndsWith("/compare", StringComparison.Ordinal)
                ? new JsonObject { ["probabilities"] = new JsonArray(body["pairs"]!.AsArray().Select(p => (JsonNode)Logistic(score((string)p!["a"]!) - score((string)p["b"]!))).ToArray()) }
                : new JsonObject { ["scores"] = new JsonArray(body["responses"]!.AsArray().Select(r => (JsonNode)score((string)r!)).ToArray()) };
            var bytes = Encoding.UTF8.GetBytes(reply.ToJsonString());
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private static double Logistic(double x) => 1 / (1 + Math.Exp(-x));

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        listener.Close();
        await loop;
    }
}
