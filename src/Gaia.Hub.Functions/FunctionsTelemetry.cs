using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;

namespace Gaia.Hub.Functions;

/// <summary>
/// The Functions app's telemetry on OpenTelemetry (the hub's own meter and source come from AddGaiaHub): the worker's
/// defaults, and export to Azure Monitor when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set, authenticated with
/// the managed identity named in <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c> (ingestion without keys).
/// </summary>
internal static class FunctionsTelemetry
{
    public const string ConnectionStringKey = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string AuthenticationKey = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    public static IHostApplicationBuilder AddFunctionsTelemetry(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOpenTelemetry().UseFunctionsWorkerDefaults().AddAzureMonitorWhenConfigured(builder.Configuration);
        return builder;
    }

    internal static IOpenTelemetryBuilder AddAzureMonitorWhenConfigured(this IOpenTelemetryBuilder otel, IConfiguration configuration)
    {
        var connectionString = configuration[ConnectionStringKey];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return otel;
        }

        var clientId = ClientIdOf(configuration[AuthenticationKey]);
        return otel.UseAzureMonitorExporter(options =>
        {
            options.ConnectionString = connectionString;
            if (clientId is not null)
            {
                options.Credential = new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
            }
        });
    }

    /// <summary>The <c>ClientId</c> of <c>Authorization=AAD;ClientId=…</c>, or null.</summary>
    internal static string? ClientIdOf(string? authentication) =>
        (authentication ?? "").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.Split('=', 2))
            .Where(pair => pair.Length == 2 && pair[0].Equals("ClientId", StringComparison.OrdinalIgnoreCase) && pair[1].Length > 0)
            .Select(pair => pair[1])
            .FirstOrDefault();
}
