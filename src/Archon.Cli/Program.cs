using Spectre.Console.Cli;

var app = new CommandApp();
app.Configure(config => config.SetApplicationName("archon"));
return await app.RunAsync(args);
