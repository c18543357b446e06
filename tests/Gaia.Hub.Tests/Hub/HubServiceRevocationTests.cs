using Gaia.Hub.Configuration;
using Gaia.Hub.Revocations;
using Gaia.Hub.Tests.Support;
using Microsoft.Extensions.Options;

namespace Gaia.Hub.Tests.Hub;

/// <summary>Revoke-all raises the bucket's oldest valid timestamp and never lowers it (spec 4, 12.2 case 8).</summary>
public sealed class HubServiceRevocationTests : IDisposable
{
    private readonly TempHub hub = new();

    public void Dispose() => hub.Dispose();

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ABucketThatWasNeverRevokedHasTimestampZero() =>
        Assert.Equal(0, await hub.Revocations.GetOldestValidTimestampAsync(TestKeys.Address0, Cancellation));

    [Fact]
    public async Task RevokeAllIsMonotonic()
    {
        var raised = await hub.Service.RevokeAllAsync(TempHub.Caller(), 200, Cancellation);
        var kept = await hub.Service.RevokeAllAsync(TempHub.Caller(), 100, Cancellation);

        Assert.Equal(200, raised);
        Assert.Equal(200, kept);
        Assert.Equal(200, await hub.Revocations.GetOldestValidTimestampAsync(TestKeys.Address0, Cancellation));
    }

    [Fact]
    public async Task ALaterTimestampReplacesAnEarlierOne()
    {
        await hub.Service.RevokeAllAsync(TempHub.Caller(), 100, Cancellation);

        Assert.Equal(300, await hub.Service.RevokeAllAsync(TempHub.Caller(), 300, Cancellation));
        Assert.Equal(300, await hub.Revocations.GetOldestValidTimestampAsync(TestKeys.Address0, Cancellation));
    }

    [Fact]
    public async Task TheTimestampIsKeptOnDiskInTheReferenceLayout()
    {
        await hub.Service.RevokeAllAsync(TempHub.Caller(), 4_102_444_800, Cancellation);

        var file = Path.Join(hub.Root, TestKeys.Address0 + "-auth", "authTimestamp");
        var reopened = new DiskRevocationStore(Options.Create(new DiskStorageOptions { RootDirectory = hub.Root }));

        Assert.Equal("4102444800", await File.ReadAllTextAsync(file, Cancellation));
        Assert.Equal(4_102_444_800, await reopened.GetOldestValidTimestampAsync(TestKeys.Address0, Cancellation));
    }

    [Fact]
    public async Task RevocationIsPerBucket()
    {
        await hub.Service.RevokeAllAsync(TempHub.Caller(), 500, Cancellation);

        Assert.Equal(0, await hub.Revocations.GetOldestValidTimestampAsync(TestKeys.Address1, Cancellation));
    }
}
