using System.Net;
using Gaia.Hub.Server;
using Microsoft.Extensions.Configuration;

namespace Gaia.Hub.Tests.Server;

/// <summary>
/// Where the server listens: ASP.NET's own precedence (--urls, then URLS, then ASPNETCORE_URLS), the default
/// http://localhost:3000 only when nothing names an address; and appsettings.json found from any working directory.
/// </summary>
public sealed class ListenAddressTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AspNetCoreUrlsIsHonouredAndAppSettingsIsFoundFromAnotherWorkingDirectory()
    {
        var port = ServerProcess.FreePort();
        await using var server = new ServerProcess([], new Dictionary<string, string> { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}" });
        using var client = new HttpClient();

        using var response = await server.WaitForAsync(client, $"http://127.0.0.1:{port}/hub_info", TimeSpan.FromSeconds(60));
        await server.DisposeAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // appsettings.json (next to the program, not in the working directory) keeps ASP.NET's own request lines
        // out and formats each entry on one line, with the hub's request line at Information.
        Assert.Contains(server.Stdout, line => line.Contains("Gaia.Hub.Requests[1] GET /hub_info 200", StringComparison.Ordinal));
        Assert.DoesNotContain(server.Stdout, line => line.Contains("Microsoft.AspNetCore.Hosting.Diagnostics", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UrlsBeatsAspNetCoreUrlsAndTheCommandLineBeatsBoth()
    {
        var (commandLine, urls, aspNetCoreUrls) = (ServerProcess.FreePort(), ServerProcess.FreePort(), ServerProcess.FreePort());
        var environment = new Dictionary<string, string>
        {
            ["URLS"] = $"http://127.0.0.1:{urls}",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{aspNetCoreUrls}",
        };
        using var client = new HttpClient();

        await using (var server = new ServerProcess([], environment))
        {
            using var answered = await server.WaitForAsync(client, $"http://127.0.0.1:{urls}/healthz", TimeSpan.FromSeconds(60));
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
            await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri($"http://127.0.0.1:{aspNetCoreUrls}/healthz"), Ct));
        }

        await using (var server = new ServerProcess(["--urls", $"http://127.0.0.1:{commandLine}"], environment))
        {
            using var answered = await server.WaitForAsync(client, $"http://127.0.0.1:{commandLine}/healthz", TimeSpan.FromSeconds(60));
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
            await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri($"http://127.0.0.1:{urls}/healthz"), Ct));
        }
    }

    [Theory]
    [InlineData(null, null, true)]
    [InlineData("urls", "http://0.0.0.0:8080", false)]
    [InlineData("http_ports", "8080", false)]
    [InlineData("https_ports", "8443", false)]
    [InlineData("Kestrel:Endpoints:Http:Url", "http://0.0.0.0:8080", false)]
    [InlineData("Gaia:ServerName", "x", true)]
    public void TheDefaultAddressIsUsedOnlyWhenNoSettingNamesOne(string? key, string? value, bool expected)
    {
        var settings = key is null ? [] : new Dictionary<string, string?> { [key] = value };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        Assert.Equal(expected, ServerSettings.NeedsDefaultUrl(configuration));
        Assert.Equal("http://localhost:3000", ServerSettings.DefaultUrl);
    }

    [Fact]
    public void TheContentRootIsTheProgramsFolderUnlessOneIsGiven()
    {
        Assert.Equal(AppContext.BaseDirectory, ServerSettings.OptionsFor([], _ => null).ContentRootPath);
        Assert.Null(ServerSettings.OptionsFor(["--contentRoot", "/srv/gaia"], _ => null).ContentRootPath);
        Assert.Null(ServerSettings.OptionsFor([], name => name == "ASPNETCORE_CONTENTROOT" ? "/srv/gaia" : null).ContentRootPath);
    }
}
