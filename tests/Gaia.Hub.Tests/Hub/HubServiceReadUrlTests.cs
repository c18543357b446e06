namespace Gaia.Hub.Tests.Hub;

/// <summary>The read URL prefix of hub_info and store results (spec 2, [C#] trailing-slash fix).</summary>
public sealed class HubServiceReadUrlTests
{
    [Theory]
    [InlineData("http://potato.com/", null, "http://potato.com/")]
    [InlineData("http://potato.com", null, "http://potato.com/")]
    [InlineData("https://cdn.example/reader", "https://hub.example", "https://cdn.example/reader/")]
    [InlineData(null, "https://hub.example", "https://hub.example/read/")]
    [InlineData(null, "https://hub.example/", "https://hub.example/read/")]
    [InlineData(null, null, "http://localhost:5000/read/")]
    public void TheReadUrlPrefixAlwaysEndsWithASlash(string? readUrl, string? publicUrl, string expected)
    {
        using var hub = new TempHub(o =>
        {
            o.ReadUrl = readUrl;
            o.PublicUrl = publicUrl;
        });

        Assert.Equal(expected, hub.Service.ReadUrlPrefix("http://localhost:5000/"));
        Assert.Equal(expected, hub.Service.GetHubInfo("http://localhost:5000").ReadUrlPrefix);
    }

    [Fact]
    public void HubInfoReportsAFractionalLimitAsConfigured()
    {
        using var hub = new TempHub(o => o.MaxFileUploadSizeMegabytes = 0.00005);

        Assert.Equal(0.00005, hub.Service.GetHubInfo("http://localhost").MaxFileUploadSizeMegabytes);
        Assert.Equal(52, hub.Service.MaxUploadBytes);
    }
}
