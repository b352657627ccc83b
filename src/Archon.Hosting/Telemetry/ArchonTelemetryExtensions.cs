using Archon.Durable.Telemetry;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Archon.Hosting.Telemetry;

/// <summary>
/// OpenTelemetry for Archon: our spans/metrics (<see cref="ArchonTelemetry"/>), the Durable Task SDK's spans and
/// Microsoft.Extensions.AI's gen_ai spans (the chat-client pipeline's UseOpenTelemetry). Exporters by setting:
/// <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> → Azure Monitor (Application Insights);
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> → OTLP; <c>ARCHON_OTEL_CONSOLE=true</c> → console. None set → nothing is exported.
/// </summary>
public static class ArchonTelemetryExtensions
{
    /// <summary>Source and meter name Microsoft.Extensions.AI's OpenTelemetryChatClient uses by default.</summary>
    public const string ExtensionsAiSource = "Experimental.Microsoft.Extensions.AI";

    public static IServiceCollection AddArchonTelemetry(this IServiceCollection services, IConfiguration configuration, string serviceName)
    {
        var settings = TelemetrySettings.From(configuration);
        if (!settings.AnyExporter)
        {
            return services;
        }

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithTracing(tracing =>
            {
                tracing.AddSource(ArchonTelemetry.SourceName, ExtensionsAiSource, "Microsoft.DurableTask*", "DurableTask.Core");
                if (settings.AzureMonitorConnectionString is { } cs)
                {
                    tracing.AddAzureMonitorTraceExporter(o => settings.ConfigureAzureMonitor(o));
                }

                if (settings.Otlp)
                {
                    tracing.AddOtlpExporter();
                }

                if (settings.Console)
                {
                    tracing.AddConsoleExporter();
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(ArchonTelemetry.SourceName, ExtensionsAiSource);
                if (settings.AzureMonitorConnectionString is { } cs)
                {
                    metrics.AddAzureMonitorMetricExporter(o => settings.ConfigureAzureMonitor(o));
                }

                if (settings.Otlp)
                {
                    metrics.AddOtlpExporter();
                }

                if (settings.Console)
                {
                    metrics.AddConsoleExporter();
                }
            });
        return services;
    }

    /// <summary>Which exporters the configuration asks for.</summary>
    /// <param name="EntraAuthentication">APPLICATIONINSIGHTS_AUTHENTICATION_STRING asks for <c>Authorization=AAD</c>:
    /// telemetry is sent with the managed identity (DefaultAzureCredential reads AZURE_CLIENT_ID), no instrumentation key.</param>
    public sealed record TelemetrySettings(string? AzureMonitorConnectionString, bool Otlp, bool Console, bool EntraAuthentication = false)
    {
        public bool AnyExporter => AzureMonitorConnectionString is not null || Otlp || Console;

        public static TelemetrySettings From(IConfiguration configuration) => new(
            configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"] is { Length: > 0 } cs ? cs : null,
            !string.IsNullOrEmpty(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]),
            string.Equals(configuration["ARCHON_OTEL_CONSOLE"], "true", StringComparison.OrdinalIgnoreCase),
            configuration["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]?.Contains("Authorization=AAD", StringComparison.OrdinalIgnoreCase) == true);

        public void ConfigureAzureMonitor(AzureMonitorExporterOptions options)
        {
            options.ConnectionString = AzureMonitorConnectionString;
            if (EntraAuthentication)
            {
                options.Credential = new DefaultAzureCredential();
            }
        }
    }
}
