using Archon.Durable.Telemetry;
using Archon.Hosting.Telemetry;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.Configuration;

namespace Archon.Hosting.Tests.Telemetry;

public sealed class TelemetrySettingsTests
{
    private static ArchonTelemetryExtensions.TelemetrySettings From(Dictionary<string, string?> values) =>
        ArchonTelemetryExtensions.TelemetrySettings.From(new ConfigurationBuilder().AddInMemoryCollection(values).Build());

    [Fact]
    public void From_NothingConfigured_ExportsNothing()
    {
        Assert.False(From([]).AnyExporter);
    }

    [Fact]
    public void From_AppInsightsWithEntraAuthentication_UsesACredentialAndTheConnectionString()
    {
        var settings = From(new()
        {
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://example.invalid/",
            ["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"] = "Authorization=AAD;ClientId=abc",
        });
        var options = new AzureMonitorExporterOptions();

        settings.ConfigureAzureMonitor(options);

        Assert.True(settings.AnyExporter);
        Assert.True(settings.EntraAuthentication);
        Assert.NotNull(options.Credential);
        Assert.StartsWith("InstrumentationKey=", options.ConnectionString);
    }

    [Theory]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:4317", true, false)]
    [InlineData("ARCHON_OTEL_CONSOLE", "true", false, true)]
    [InlineData("ARCHON_OTEL_CONSOLE", "no", false, false)]
    public void From_LocalExporterSettings_SelectOtlpOrConsole(string key, string value, bool otlp, bool console)
    {
        var settings = From(new() { [key] = value });

        Assert.Equal((otlp, console), (settings.Otlp, settings.Console));
    }
}
