using System.Security.Cryptography;
using System.Text;
using Gaia.Hub.Tests.Support;

namespace Gaia.Cli.Tests.Support;

/// <summary>Ten files for migrations: binary (larger than the Azure hub's upload block), empty, non-ASCII and odd names, several content types.</summary>
internal static class SeedFiles
{
    public static readonly IReadOnlyList<(string Path, string ContentType, byte[] Bytes)> All =
    [
        ("photos/été 🌞.bin", "application/octet-stream", RandomNumberGenerator.GetBytes(150_000)),
        ("photos/thumb.png", "image/png", RandomNumberGenerator.GetBytes(3_000)),
        ("notes/a.txt", "text/plain", Encoding.UTF8.GetBytes("first note\n")),
        ("notes/b.md", "text/markdown; charset=utf-8", Encoding.UTF8.GetBytes("# Über\n")),
        ("data/ünïcödé/файл.json", "application/json", Encoding.UTF8.GetBytes("{\"ключ\":\"значение\"}")),
        ("deep/a/b/c/d.txt", "text/plain", Encoding.UTF8.GetBytes("deep")),
        ("space name.txt", "text/plain", Encoding.UTF8.GetBytes("spaces")),
        ("percent%20literal.txt", "text/plain", Encoding.UTF8.GetBytes("a literal %20 in the name")),
        ("plus+sign.bin", "application/x-custom", [0, 1, 2, 255, 254, 0]),
        ("empty.dat", "application/octet-stream", []),
    ];

    /// <summary>Stores every file on <paramref name="hub"/> through <c>gaia put</c>.</summary>
    public static async Task StoreAllAsync(LoopbackHub hub)
    {
        var cli = CliRunner.For(TestKeys.Key0, hub);
        foreach (var (path, contentType, bytes) in All)
        {
            cli.Input = bytes;
            (await cli.RunAsync("put", "-", path, "--content-type", contentType)).Succeeded();
        }
    }

    /// <summary>Asserts that <paramref name="hub"/> serves every file with its bytes and content type at its read URL.</summary>
    public static async Task AssertServedByAsync(LoopbackHub hub)
    {
        using var http = new HttpClient();
        foreach (var (path, contentType, bytes) in All)
        {
            var url = $"{hub.Url}/read/{TestKeys.Address0}/{string.Join('/', path.Split('/').Select(Uri.EscapeDataString))}";
            using var response = await http.GetAsync(url, TestContext.Current.CancellationToken);
            Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode}");
            Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
            Assert.Equal(contentType, response.Content.Headers.ContentType?.ToString());
        }
    }

    public static IEnumerable<string> Paths => All.Select(f => f.Path).Order(StringComparer.Ordinal);
}
