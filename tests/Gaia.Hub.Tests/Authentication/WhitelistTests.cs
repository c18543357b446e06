using Gaia.Hub.Authentication;
using Gaia.Hub.Errors;
using Gaia.Hub.Tests.Support;

namespace Gaia.Hub.Tests.Authentication;

/// <summary>The write whitelist (spec 3.8, 12.2 cases 1, 9 and 14).</summary>
public sealed class WhitelistTests
{
    private const string Challenge = "[\"gaiahub\",\"0\",\"test-server\",\"blockstack_storage_please_sign\"]";

    private readonly GaiaAuthenticator onlyKey0 = Authenticators.Create(o => o.Whitelist = [TestKeys.Address0]);

    [Fact]
    public async Task AWhitelistedKeyMayWriteItsBucket()
    {
        var identity = await onlyKey0.CheckAsync(TestTokens.Bearer(TestKeys.Key0), TestKeys.Address0);

        Assert.Equal(TestKeys.Address0, identity.SigningAddress);
    }

    [Fact]
    public async Task AKeyOffTheWhitelistIsRejected() =>
        Assert.Equal(GaiaError.ValidationError, await onlyKey0.RejectionAsync(TestTokens.Bearer(TestKeys.Key1), TestKeys.Address1));

    [Fact]
    public async Task ALegacyTokenOffTheWhitelistIsRejected() =>
        Assert.Equal(GaiaError.ValidationError,
            await onlyKey0.RejectionAsync(TestTokens.Legacy(TestKeys.Key1, Challenge), TestKeys.Address1));

    [Fact]
    public async Task AMissingHeaderIsRejected() =>
        Assert.Equal(GaiaError.ValidationError, await onlyKey0.RejectionAsync(null, TestKeys.Address0));

    [Fact]
    public async Task AWhitelistedKeyStillCannotWriteAnotherBucket() =>
        Assert.Equal(GaiaError.ValidationError, await onlyKey0.RejectionAsync(TestTokens.Bearer(TestKeys.Key0), TestKeys.Address1));

    [Fact]
    public async Task AnAssociationFromAWhitelistedIdentityLetsAnAppKeyWrite()
    {
        var onlyKey1 = Authenticators.Create(o => o.Whitelist = [TestKeys.Address1]);
        var header = TestTokens.Bearer(TestKeys.Key0, new { associationToken = TestTokens.Association(TestKeys.Key1, TestKeys.PublicKey0) });

        var identity = await onlyKey1.CheckAsync(header, TestKeys.Address0);

        Assert.Equal(TestKeys.Address0, identity.Address);
        Assert.Equal(TestKeys.Address1, identity.SigningAddress);
    }

    [Fact]
    public async Task TheWhitelistAppliesEvenWithoutTheRevocationCheck() =>
        Assert.Equal(GaiaError.ValidationError,
            await onlyKey0.RejectionAsync(TestTokens.Bearer(TestKeys.Key1), TestKeys.Address1, checkRevocation: false));
}
