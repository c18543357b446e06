using Gaia.Hub.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Gaia.Hub.Health;

/// <summary>Readiness of the disk driver: a one-byte file can be created and deleted where uploads are written.</summary>
internal sealed class DiskHealthCheck(IOptions<DiskStorageOptions> options) : IHealthCheck
{
    private readonly string uploads = Path.Join(Path.GetFullPath(options.Value.RootDirectory), ".gaia-tmp");

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.Run(Probe, cancellationToken);

    private HealthCheckResult Probe()
    {
        var probe = Path.Join(uploads, "health-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(uploads);
            File.WriteAllBytes(probe, [1]);
            File.Delete(probe);
            return HealthCheckResult.Healthy("The disk root is writable.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The answer is public: the exception (with its absolute path) goes to the log only.
            return HealthCheckResult.Unhealthy($"A file cannot be written under the disk root ({e.GetType().Name}).", e);
        }
    }
}
