namespace Gaia.Hub.Functions.Tests;

/// <summary>How the app finds the managed identity it sends telemetry to Azure Monitor with.</summary>
public sealed class FunctionsTelemetryTests
{
    [Theory]
    [InlineData("Authorization=AAD;ClientId=1b2c3d4e-0000-4000-8000-000000000001", "1b2c3d4e-0000-4000-8000-000000000001")]
    [InlineData("Authorization=AAD; clientid=abc ", "abc")]
    [InlineData("Authorization=AAD", null)]
    [InlineData("ClientId=", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void TheClientIdIsReadFromTheAuthenticationString(string? authentication, string? clientId) =>
        Assert.Equal(clientId, FunctionsTelemetry.ClientIdOf(authentication));
}
