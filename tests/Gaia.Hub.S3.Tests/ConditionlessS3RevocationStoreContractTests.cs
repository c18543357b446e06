using Gaia.Hub.Revocations;
using Gaia.Hub.Tests.Revocations;

namespace Gaia.Hub.S3.Tests;

/// <summary>
/// The revocation contract where the service ignores conditional writes: every store of a test is one hub instance's,
/// whose bumps take turns, so the timestamp still only rises (across instances it would not: see the README).
/// </summary>
public sealed class ConditionlessS3RevocationStoreContractTests(MotoFixture moto) : RevocationStoreContract
{
    private S3TestStorage? storage;

    protected override async Task<IRevocationStore> OpenStoreAsync()
    {
        storage ??= await S3TestStorage.CreateAsync(moto, new ConditionHeadersHttpClientFactory(drop: true));
        return storage.RevocationStore();
    }

    protected override async Task DisposeStorageAsync() => await storage!.DisposeAsync();
}
