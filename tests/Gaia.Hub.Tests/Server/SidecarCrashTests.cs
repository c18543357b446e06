using System.Net;
using System.Security.Cryptography;
using System.Text;
using Gaia.Hub.Tests.Http;
using Gaia.Hub.Tests.Storage;

namespace Gaia.Hub.Tests.Server;

/// <summary>
/// The self-hosted hub with sidecar records, killed with SIGKILL in the middle of stores, serves every file after the
/// restart with the content type and ETag of the bytes it holds (issue 11: before, the new bytes kept the previous
/// version's content type for good).
/// </summary>
public sealed class SidecarCrashTests : IDisposable
{
    private const int Files = 12;
    private readonly string root = Directory.CreateTempSubdirectory("gaia-crash-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public async Task EveryFileReadsBackWithItsOwnRecordAfterEachKill()
    {
        var settings = new Dictionary<string, string>
        {
            ["Gaia__ServerName"] = Support.TestTokens.ServerName,
            ["Gaia__Disk__RootDirectory"] = root,
            ["Gaia__Disk__Metadata"] = "Sidecar",
        };
        var random = new Random(11);
        for (var round = 0; round < 4; round++)
        {
            var address = new Uri($"http://127.0.0.1:{ServerProcess.FreePort()}");
            await using (var server = await StartAsync(settings, address))
            {
                using var client = new HttpClient { BaseAddress = address };
                using var stop = new CancellationTokenSource();
                var writers = Enumerable.Range(0, 4).Select(w => WriteUntilStoppedAsync(client, w, stop.Token)).ToList();
                await Task.Delay(random.Next(300, 900), Ct);
                server.Kill();
                await stop.CancelAsync();
                await Task.WhenAll(writers);
            }

            await using var restarted = await StartAsync(settings, address);
            using var reader = new HttpClient { BaseAddress = address };
            for (var file = 0; file < Files; file++)
            {
                using var read = await reader.GetAsync(new Uri($"/read/{HubRequests.Owner}/f{file}.txt", UriKind.Relative), Ct);
                if (read.StatusCode == HttpStatusCode.NotFound)
                {
                    continue;
                }

                var text = await read.Content.ReadAsStringAsync(Ct);
                var version = int.Parse(text.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
                Assert.Equal((SidecarConsistencyTests.TypeOf(version), Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)))),
                    (HubAssert.Header(read, "Content-Type"), HubAssert.Header(read, "ETag")));
            }
        }
    }

    private static async Task<ServerProcess> StartAsync(Dictionary<string, string> settings, Uri address)
    {
        var server = new ServerProcess(["--urls", address.ToString()], settings);
        using var probe = new HttpClient();
        using (await server.WaitForAsync(probe, $"{address}healthz", TimeSpan.FromSeconds(30)))
        {
        }

        return server;
    }

    /// <summary>Stores versions of the files one after another until the hub dies or <paramref name="stop"/> is cancelled.</summary>
    private static async Task WriteUntilStoppedAsync(HttpClient client, int writer, CancellationToken stop)
    {
        for (var i = writer; !stop.IsCancellationRequested; i += 4)
        {
            var content = new StringContent(SidecarConsistencyTests.Version(i));
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(SidecarConsistencyTests.TypeOf(i));
            try
            {
                using var _ = await client.SendAsync(HubRequests.Store($"f{i % Files}.txt", content, HubRequests.OwnerToken()), stop);
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
            {
                return;
            }
        }
    }
}
