using Archon.Cli;
using Archon.Cli.Commands;

return await ArchonApp.Create(CliConsoles.ForProcess()).RunAsync(args);
