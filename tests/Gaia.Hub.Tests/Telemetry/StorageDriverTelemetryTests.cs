using Gaia.Hub.Storage;
using Gaia.Hub.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace Gaia.Hub.Tests.Telemetry;

/// <summary>The decorator goes around whichever driver was registered last, however it was registered.</summary>
[Collection(nameof(TelemetryCollection))]
public sealed class StorageDriverTelemetryTests
{
    [Fact]
    public void ADriverRegisteredByTypeIsBuiltAndWrappedOnce()
    {
        var services = new ServiceCollection().AddMetrics().AddSingleton<HubTelemetry>();
        services.AddSingleton<IStorageDriver, FailingDriver>();

        services.AddStorageDriverTelemetry("test").AddStorageDriverTelemetry("test");
        using var provider = services.BuildServiceProvider();

        var driver = Assert.IsType<InstrumentedStorageDriver>(provider.GetRequiredService<IStorageDriver>());
        Assert.IsType<FailingDriver>(driver.Inner);
        Assert.Same(driver, provider.GetRequiredService<IStorageDriver>());
    }

    [Fact]
    public void ADriverRegisteredByFactoryKeepsItsInstance()
    {
        var shared = new FailingDriver();
        var services = new ServiceCollection().AddMetrics().AddSingleton<HubTelemetry>().AddSingleton(shared);
        services.AddSingleton<IStorageDriver>(p => p.GetRequiredService<FailingDriver>());

        services.AddStorageDriverTelemetry("test");
        using var provider = services.BuildServiceProvider();

        Assert.Same(shared, Assert.IsType<InstrumentedStorageDriver>(provider.GetRequiredService<IStorageDriver>()).Inner);
    }

    [Fact]
    public async Task AFailedCallPassesItsExceptionOnAndIsMeasuredWithItsErrorType()
    {
        var metrics = new List<Metric>();
        var services = new ServiceCollection().AddMetrics().AddSingleton<HubTelemetry>().AddSingleton<IStorageDriver, FailingDriver>();
        using var provider = services.AddStorageDriverTelemetry("test").BuildServiceProvider();
        using var meterProvider = Sdk.CreateMeterProviderBuilder().AddMeter(HubTelemetry.Name).AddInMemoryExporter(metrics).Build();
        var driver = provider.GetRequiredService<IStorageDriver>();

        await Assert.ThrowsAsync<IOException>(() => driver.DeleteAsync("b", "p", TestContext.Current.CancellationToken));
        meterProvider.ForceFlush();

        Assert.Equal(1, MetricPoints.HistogramCount(metrics, "gaia.hub.storage.duration",
            ("gaia.storage.driver", "test"), ("gaia.storage.operation", "delete"), ("error.type", nameof(IOException))));
    }

    private sealed class FailingDriver : IStorageDriver
    {
        public Task<string> WriteAsync(WriteRequest request, CancellationToken cancellationToken = default) => throw new IOException();

        public Task<StoredFile?> ReadAsync(string bucket, string path, CancellationToken cancellationToken = default) => throw new IOException();

        public Task<FileStat?> StatAsync(string bucket, string path, CancellationToken cancellationToken = default) => throw new IOException();

        public Task<bool> DeleteAsync(string bucket, string path, CancellationToken cancellationToken = default) => throw new IOException();

        public Task<bool> RenameAsync(string bucket, string path, string newPath, CancellationToken cancellationToken = default) =>
            throw new IOException();

        public Task<ListPage> ListAsync(ListRequest request, CancellationToken cancellationToken = default) => throw new IOException();
    }
}
