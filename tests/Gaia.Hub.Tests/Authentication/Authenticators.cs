using Gaia.Hub.Authentication;
using Gaia.Hub.Configuration;
using Gaia.Hub.Errors;
using Gaia.Hub.Revocations;
using Gaia.Hub.Tests.Support;
using Microsoft.Extensions.Options;

namespace Gaia.Hub.Tests.Authentication;

/// <summary>Builds a <see cref="GaiaAuthenticator"/> for server "test-server" and runs it with the test's cancellation token.</summary>
internal static class Authenticators
{
    public static GaiaAuthenticator Create(
        Action<GaiaHubOptions>? configure = null, IRevocationStore? revocations = null, TimeProvider? time = null)
    {
        var settings = new GaiaHubOptions { ServerName = TestTokens.ServerName };
        configure?.Invoke(settings);
        var options = Options.Create(settings);
        return new GaiaAuthenticator(
            new TokenVerifier(options), revocations ?? new FakeRevocationStore(), options, time ?? TimeProvider.System);
    }

    public static ValueTask<GaiaIdentity> CheckAsync(
        this GaiaAuthenticator authenticator, string? header, string address, bool checkRevocation = true) =>
        authenticator.AuthenticateAsync(header, address, checkRevocation, TestContext.Current.CancellationToken);

    /// <summary>The error kind the authenticator rejects the header with; fails the test if it is accepted.</summary>
    public static async Task<GaiaError> RejectionAsync(
        this GaiaAuthenticator authenticator, string? header, string address, bool checkRevocation = true)
    {
        var error = await Assert.ThrowsAsync<GaiaException>(
            async () => await authenticator.CheckAsync(header, address, checkRevocation));
        return error.Error;
    }
}
