using Archon.Cli.Commands;
using Spectre.Console.Cli;

var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("archon");
    config.AddCommand<ModelsCommand>("models")
        .WithDescription("List the model catalog and check each provider is configured and reachable.");
});
return await app.RunAsync(args);
