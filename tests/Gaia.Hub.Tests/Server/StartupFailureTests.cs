namespace Gaia.Hub.Tests.Server;

/// <summary>The built server, started with one bad setting: one line on stderr naming it, exit code 1, no stack trace.</summary>
public sealed class StartupFailureTests
{
    public static TheoryData<string, string, string> BadSettings => new()
    {
        { "Gaia__PageSize", "many", "Gaia:PageSize must be a whole number" },
        { "Gaia__PageSize", "0", "Gaia:PageSize must be between 1 and 4096 (got 0)" },
        { "Gaia__MaxFileUploadSizeMegabytes", "lots", "Gaia:MaxFileUploadSizeMegabytes must be a number" },
        { "Gaia__Disk__Metadata", "Fast", "Gaia:Disk:Metadata must be one of Auto, Attribute, Sidecar" },
        { "Gaia__Disk__Durable", "maybe", "Gaia:Disk:Durable must be true or false" },
        { "Gaia__Driver", "floppy", "Gaia:Driver must be 'disk', 'azure' or 's3' (got 'floppy')" },
        { "Gaia__PublicUrl", "hub.example.com", "Gaia:PublicUrl must be an absolute http(s) URL (got 'hub.example.com')" },
        { "Gaia__Telemetry__Prometheus", "yes", "Gaia:Telemetry:Prometheus must be true or false" },
        { "Gaia__Azure__ConnectionString", "AccountName=x;AccountKey=secret!!", "Gaia:Azure:ConnectionString is not a storage connection string" },
        { "Gaia__Azure__BlobServiceUri", "blob.example", "Gaia:Azure:BlobServiceUri must be an absolute http(s) URL" },
        { "ASPNETCORE_URLS", "not-a-url", "bad setting: Urls (--urls, URLS or ASPNETCORE_URLS): Invalid url: 'not-a-url'" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task ABadSettingStopsTheHubWithOneLineNamingItAndExitCode1(string name, string value, string expected)
    {
        var environment = new Dictionary<string, string> { [name] = value };
        if (name.StartsWith("Gaia__Azure__", StringComparison.Ordinal))
        {
            environment["Gaia__Driver"] = "azure";
        }

        var arguments = name == "ASPNETCORE_URLS" ? [] : new[] { "--urls", $"http://127.0.0.1:{ServerProcess.FreePort()}" };
        await using var server = new ServerProcess(arguments, environment);

        var exitCode = await server.ExitCodeAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, exitCode);
        var line = Assert.Single(server.Stderr);
        Assert.StartsWith("gaia-hub: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain(server.Stdout, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal) || l.Contains("Exception", StringComparison.Ordinal));
        Assert.DoesNotContain("secret!!", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAddressInUseStopsTheHubWithOneLine()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;
        await using var server = new ServerProcess(["--urls", $"http://127.0.0.1:{port}"], new Dictionary<string, string>());

        Assert.Equal(1, await server.ExitCodeAsync(TimeSpan.FromSeconds(60)));
        var line = Assert.Single(server.Stderr);
        Assert.StartsWith($"gaia-hub: cannot listen: Failed to bind to address http://127.0.0.1:{port}", line, StringComparison.Ordinal);
    }
}
