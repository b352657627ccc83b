using Archon.Cli.Commands;
using Spectre.Console.Cli;

var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("archon");
    config.AddCommand<ServeCommand>("serve").WithDescription("Serve the HTTP API (inference, OpenAI-compatible, search) on loopback over the embedded Durable host.");
    config.AddBranch("bench", bench =>
    {
        bench.SetDescription("Benchmarks.");
        bench.AddCommand<BenchThroughputCommand>("throughput").WithDescription("Model-call activities per second through the embedded Durable host (zero model latency).");
    });
});
return await app.RunAsync(args);
