using System.Globalization;
using System.Numerics;
using Gaia.Hub.Authentication;
using Gaia.Hub.Errors;
using Gaia.Hub.Tests.Support;

namespace Gaia.Hub.Tests.Authentication;

/// <summary>The v1 JWT vectors of the spec's Appendix A.3 (server name test-server).</summary>
public sealed class AppendixVectorTests
{
    private static readonly BigInteger HalfOrder = BigInteger.Parse(
        "0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", NumberStyles.HexNumber) / 2;

    private static string Bearer(string token) => "bearer v1:" + token;

    [Fact]
    public async Task Vector1IsValidForKey0sBucket()
    {
        var identity = await Authenticators.Create().CheckAsync(Bearer(AppendixVectors.Valid), TestKeys.Address0);

        Assert.Equal(TestKeys.Address0, identity.Address);
        Assert.Equal(TestKeys.Address0, identity.SigningAddress);
        Assert.False(identity.IsLegacy);
        Assert.Empty(identity.Scopes.Scopes);
    }

    [Fact]
    public async Task Vector1IsInvalidForKey1sBucket() =>
        Assert.Equal(GaiaError.ValidationError,
            await Authenticators.Create().RejectionAsync(Bearer(AppendixVectors.Valid), TestKeys.Address1));

    [Fact]
    public async Task Vector2HasAHighSSignatureAndIsAccepted()
    {
        var s = new BigInteger(RawTokens.SignatureOf(AppendixVectors.HighS).AsSpan(32), isUnsigned: true, isBigEndian: true);
        Assert.True(s > HalfOrder);

        var identity = await Authenticators.Create().CheckAsync(Bearer(AppendixVectors.HighS), TestKeys.Address0);

        Assert.Equal(TestKeys.Address0, identity.SigningAddress);
    }

    [Fact]
    public async Task Vector3HasExpired() =>
        Assert.Equal(GaiaError.ValidationError,
            await Authenticators.Create().RejectionAsync(Bearer(AppendixVectors.Expired), TestKeys.Address0));

    [Fact]
    public async Task Vector4IsAcceptedWhenTheRevocationTimestampEqualsItsIat()
    {
        var revocations = new FakeRevocationStore();
        revocations.Set(TestKeys.Address0, 1_600_000_000);

        var identity = await Authenticators.Create(revocations: revocations).CheckAsync(Bearer(AppendixVectors.IssuedAt), TestKeys.Address0);

        Assert.Equal(TestKeys.Address0, identity.Address);
        Assert.Equal(1, revocations.Reads);
    }

    [Fact]
    public async Task Vector4IsRevokedOnceTheTimestampPassesItsIat()
    {
        var revocations = new FakeRevocationStore();
        revocations.Set(TestKeys.Address0, 1_600_000_001);

        var error = await Authenticators.Create(revocations: revocations).RejectionAsync(Bearer(AppendixVectors.IssuedAt), TestKeys.Address0);

        Assert.Equal(GaiaError.AuthTokenTimestampValidationError, error);
    }

    [Fact]
    public async Task Vector5ScopesAllowPhotoWritesAndOneDelete()
    {
        var identity = await Authenticators.Create().CheckAsync(Bearer(AppendixVectors.Scoped), TestKeys.Address0);

        AuthScope[] expected = [new(AuthScope.PutFilePrefix, "photos/"), new(AuthScope.DeleteFile, "photos/a.jpg")];
        Assert.Equal(expected, identity.Scopes.Scopes);
        identity.Scopes.EnsureCanWrite("photos/x.png");
        identity.Scopes.EnsureCanDelete("photos/a.jpg");
        Assert.Equal(GaiaError.ValidationError, Assert.Throws<GaiaException>(() => identity.Scopes.EnsureCanWrite("notes.txt")).Error);
        Assert.Equal(GaiaError.ValidationError, Assert.Throws<GaiaException>(() => identity.Scopes.EnsureCanDelete("photos/b.jpg")).Error);
    }

    [Fact]
    public async Task Vector6WritesKey0sBucketButSignsAsKey1()
    {
        var identity = await Authenticators.Create().CheckAsync(Bearer(AppendixVectors.Associated), TestKeys.Address0);

        Assert.Equal(TestKeys.Address0, identity.Address);
        Assert.Equal(TestKeys.Address1, identity.SigningAddress);
    }

    [Fact]
    public async Task Vector6PassesAWhitelistOfKey1()
    {
        var authenticator = Authenticators.Create(o => o.Whitelist = [TestKeys.Address1]);

        var identity = await authenticator.CheckAsync(Bearer(AppendixVectors.Associated), TestKeys.Address0);

        Assert.Equal(TestKeys.Address1, identity.SigningAddress);
    }

    [Fact]
    public async Task Vector6FailsAWhitelistOfKey0()
    {
        var authenticator = Authenticators.Create(o => o.Whitelist = [TestKeys.Address0]);

        Assert.Equal(GaiaError.ValidationError, await authenticator.RejectionAsync(Bearer(AppendixVectors.Associated), TestKeys.Address0));
    }

    [Fact]
    public async Task Vector7WithATamperedSignatureIsRejected()
    {
        Assert.NotEqual(AppendixVectors.Valid, AppendixVectors.Tampered);

        Assert.Equal(GaiaError.ValidationError,
            await Authenticators.Create().RejectionAsync(Bearer(AppendixVectors.Tampered), TestKeys.Address0));
    }

    [Fact]
    public async Task Vector1PassesRequireCorrectHubUrlThroughTheImplicitServerUrl()
    {
        var authenticator = Authenticators.Create(o => o.RequireCorrectHubUrl = true);

        var identity = await authenticator.CheckAsync(Bearer(AppendixVectors.Valid), TestKeys.Address0);

        Assert.Equal(TestKeys.Address0, identity.Address);
    }

    [Fact]
    public async Task Vector2WithoutHubUrlFailsRequireCorrectHubUrl()
    {
        var authenticator = Authenticators.Create(o => o.RequireCorrectHubUrl = true);

        Assert.Equal(GaiaError.ValidationError, await authenticator.RejectionAsync(Bearer(AppendixVectors.HighS), TestKeys.Address0));
    }
}
