using System.Text;
using Gaia.Hub.Authentication;
using Gaia.Hub.Configuration;
using Gaia.Hub.Hub;
using Gaia.Hub.Revocations;
using Gaia.Hub.Storage.Disk;
using Gaia.Hub.Tests.Support;
using Microsoft.Extensions.Options;

namespace Gaia.Hub.Tests.Hub;

/// <summary>A <see cref="HubService"/> over a disk driver in a fresh temporary directory, deleted on dispose.</summary>
internal sealed class TempHub : IDisposable
{
    public const string ReadPrefix = "http://potato.com/";

    public TempHub(Action<GaiaHubOptions>? configure = null)
    {
        Root = Path.Join(Path.GetTempPath(), "gaia-hub-tests-" + Guid.NewGuid().ToString("N"));
        var disk = Options.Create(new DiskStorageOptions { RootDirectory = Root, Durable = false });
        var settings = new GaiaHubOptions { ServerName = TestTokens.ServerName };
        configure?.Invoke(settings);
        Driver = new DiskStorageDriver(disk);
        Revocations = new DiskRevocationStore(disk);
        Service = new HubService(Driver, Revocations, Options.Create(settings), TimeProvider.System);
    }

    public string Root { get; }

    public DiskStorageDriver Driver { get; }

    public DiskRevocationStore Revocations { get; }

    public HubService Service { get; }

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>Key0's bucket with these scopes (none: unrestricted).</summary>
    public static GaiaIdentity Caller(params AuthScope[] scopes) =>
        new(TestKeys.Address0, TestKeys.Address0, new ScopeSet(scopes), IsLegacy: false);

    public Task<StoreResult> StoreAsync(
        GaiaIdentity caller, string path, string content, string? contentType = null, string? ifMatch = null, string? ifNoneMatch = null)
    {
        var bytes = Encoding.UTF8.GetBytes(content);
        return StoreAsync(caller, new StoreRequest(path, contentType, bytes.Length, ifMatch, ifNoneMatch, new MemoryStream(bytes)));
    }

    public Task<StoreResult> StoreAsync(GaiaIdentity caller, StoreRequest request) =>
        Service.StoreAsync(caller, request, ReadPrefix, Cancellation);

    public Task DeleteAsync(GaiaIdentity caller, string path) => Service.DeleteAsync(caller, path, Cancellation);

    /// <summary>The stored text of a file in key0's bucket; null when it does not exist.</summary>
    public async Task<string?> ReadTextAsync(string path)
    {
        var file = await Driver.ReadAsync(TestKeys.Address0, path, Cancellation);
        if (file is null)
        {
            return null;
        }

        await using (file)
        {
            using var reader = new StreamReader(file.Content, Encoding.UTF8);
            return await reader.ReadToEndAsync(Cancellation);
        }
    }

    /// <summary>Every file name in key0's bucket, history files included, following all pages.</summary>
    public async Task<List<string>> AllNamesAsync()
    {
        var names = new List<string>();
        string? page = null;
        do
        {
            var result = await Service.ListAsync(Caller(), new ListFilesRequest(page, Stat: false, Prefix: null), Cancellation);
            names.AddRange(result.Entries.Select(e => e!.Name));
            page = result.Page;
        }
        while (page is not null);

        return names;
    }

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
