using Archon.Durable;
using Archon.Hosting;
using Archon.Durable.Search;
using Archon.Durable.Telemetry;
using Archon.Hosting.Telemetry;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

// Isolated worker with ASP.NET Core integration (HttpRequest / IActionResult). The Durable task hub name comes from
// host.json ("%ARCHON_TASK_HUB%"); results go to Blob Storage (ArchonStorage settings); models from the catalog file
// named by ARCHON_MODELS.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
// The one composition root: result store, model stack (one response cache, in the store), then the API and search.
builder.Services.AddArchon(builder.Configuration);
builder.Services.AddArchonDurable(builder.Configuration);
builder.Services.AddArchonSearch(builder.Configuration);
builder.Services.AddArchonTelemetry(builder.Configuration, "archon-functions");
builder.Build().Run();
