using Gaia.Hub.Tests.Support;

namespace Gaia.Hub.Functions.Tests.Support;

/// <summary>The configuration both hosts run with in these tests: server "test-server" at http://hub.test, on disk.</summary>
internal static class HubSettings
{
    public const string PublicUrl = "http://hub.test";

    public static string NewDiskRoot() => Path.Join(Path.GetTempPath(), "gaia-functions-tests", Guid.NewGuid().ToString("N"));

    /// <param name="overrides">Configuration keys such as <c>Gaia:MaxFileUploadSizeMegabytes</c>; they win.</param>
    public static Dictionary<string, string?> For(string diskRoot, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Gaia:Driver"] = "disk",
            ["Gaia:ServerName"] = TestTokens.ServerName,
            ["Gaia:PublicUrl"] = PublicUrl,
            ["Gaia:Disk:RootDirectory"] = diskRoot,
            ["Gaia:Disk:Durable"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Error",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    public static void DeleteDiskRoot(string diskRoot)
    {
        try
        {
            Directory.Delete(diskRoot, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
