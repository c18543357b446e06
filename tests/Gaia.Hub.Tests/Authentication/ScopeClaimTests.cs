using Gaia.Hub.Authentication;
using Gaia.Hub.Errors;
using Gaia.Hub.Tests.Support;

namespace Gaia.Hub.Tests.Authentication;

/// <summary>The <c>scopes</c> claim of v1 tokens (spec 3.9, 12.1 cases 20–21).</summary>
public sealed class ScopeClaimTests
{
    private readonly GaiaAuthenticator authenticator = Authenticators.Create();

    private static object[] PutFiles(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new { scope = AuthScope.PutFile, domain = $"f{i}" })];

    [Fact]
    public async Task ScopesAreReadBackInOrder()
    {
        var header = TestTokens.Bearer(TestKeys.Key0, new
        {
            scopes = new[] { new { scope = "putFile", domain = "/foo/bar" }, new { scope = "putFile", domain = "/baz" } },
        });

        var identity = await authenticator.CheckAsync(header, TestKeys.Address0);

        AuthScope[] expected = [new(AuthScope.PutFile, "/foo/bar"), new(AuthScope.PutFile, "/baz")];
        Assert.Equal(expected, identity.Scopes.Scopes);
        Assert.False(identity.Scopes.IsArchival);
    }

    [Fact]
    public async Task EightScopesAreAllowed()
    {
        var identity = await authenticator.CheckAsync(TestTokens.Bearer(TestKeys.Key0, new { scopes = PutFiles(8) }), TestKeys.Address0);

        Assert.Equal(8, identity.Scopes.Scopes.Count);
        Assert.Equal("f7", identity.Scopes.Scopes[7].Domain);
    }

    [Fact]
    public async Task NineScopesAreTooMany() =>
        Assert.Equal(GaiaError.ValidationError,
            await authenticator.RejectionAsync(TestTokens.Bearer(TestKeys.Key0, new { scopes = PutFiles(9) }), TestKeys.Address0));

    [Theory]
    [InlineData("invalid")]
    [InlineData("PutFile")]
    [InlineData("getFile")]
    [InlineData("")]
    public async Task AnUnknownScopeNameIsRejected(string scope) =>
        Assert.Equal(GaiaError.ValidationError, await authenticator.RejectionAsync(
            TestTokens.Bearer(TestKeys.Key0, new { scopes = new[] { new { scope, domain = "foo" } } }), TestKeys.Address0));

    [Fact]
    public async Task ScopesThatAreNotAnArrayAreRejected() =>
        Assert.Equal(GaiaError.ValidationError, await authenticator.RejectionAsync(
            TestTokens.Bearer(TestKeys.Key0, new { scopes = new { scope = "putFile", domain = "foo" } }), TestKeys.Address0));

    [Fact]
    public async Task AScopeEntryWithoutDomainIsRejected() =>
        Assert.Equal(GaiaError.ValidationError, await authenticator.RejectionAsync(
            TestTokens.Bearer(TestKeys.Key0, new { scopes = new[] { new { scope = "putFile" } } }), TestKeys.Address0));

    [Fact]
    public async Task ANumericDomainIsCoercedToAString()
    {
        var header = TestTokens.Bearer(TestKeys.Key0, new { scopes = new[] { new { scope = "putFilePrefix", domain = 42 } } });

        var identity = await authenticator.CheckAsync(header, TestKeys.Address0);

        Assert.Equal(new AuthScope(AuthScope.PutFilePrefix, "42"), Assert.Single(identity.Scopes.Scopes));
    }

    [Fact]
    public async Task ArchivalScopesMarkTheTokenArchival()
    {
        var header = TestTokens.Bearer(TestKeys.Key0, new { scopes = new[] { new { scope = "putFileArchivalPrefix", domain = "baz" } } });

        var identity = await authenticator.CheckAsync(header, TestKeys.Address0);

        Assert.True(identity.Scopes.IsArchival);
    }

    [Fact]
    public async Task AnEmptyScopeListRestrictsNothing()
    {
        var identity = await authenticator.CheckAsync(TestTokens.Bearer(TestKeys.Key0, new { scopes = Array.Empty<object>() }), TestKeys.Address0);

        Assert.Empty(identity.Scopes.Scopes);
        identity.Scopes.EnsureCanWrite("anything");
        identity.Scopes.EnsureCanDelete("anything");
    }
}
