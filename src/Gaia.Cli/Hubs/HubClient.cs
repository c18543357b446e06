using System.Net;
using Gaia.Client;
using Gaia.Protocol;

namespace Gaia.Cli.Hubs;

/// <summary>
/// One Gaia hub for the commands, over <see cref="GaiaHubClient"/>: what it answers becomes one-line
/// <see cref="CliException"/>s (<c>hub http://… answered 401 ValidationError: …</c>, <c>cannot reach hub …</c>).
/// </summary>
internal sealed class HubClient
{
    private readonly GaiaHubClient client;

    private HubClient(GaiaHubClient client, HubInfo info)
    {
        this.client = client;
        Info = info;
        ReadUrlPrefix = info.ReadUrlPrefix!.EndsWith('/') ? info.ReadUrlPrefix : info.ReadUrlPrefix + "/";
    }

    /// <summary>The base URL, without a trailing slash.</summary>
    public string Url => client.HubUrl;

    public HubInfo Info { get; }

    /// <summary>The hub's read_url_prefix, always ending in a slash.</summary>
    public string ReadUrlPrefix { get; }

    public long MaxUploadBytes => (long)((Info.MaxFileUploadSizeMegabytes is > 0 and var mb ? mb : 20) * 1024 * 1024);

    /// <summary>The library client, for what the commands use as it is (encrypted and signed files).</summary>
    public GaiaHubClient Client => client;

    private string Who => $"hub {Url}";

    /// <summary>Reads hub_info; given credentials, later requests carry a v1 token signed with them.</summary>
    public static async Task<HubClient> ConnectAsync(HttpClient http, string url, HubCredentials? credentials, CancellationToken cancellationToken)
    {
        var options = new GaiaHubClientOptions { AssociationToken = credentials?.AssociationToken, RequestTimeout = CliHttp.RequestTimeout };
        var client = new GaiaHubClient(new Uri(url), credentials?.Key, http, options);
        var info = await CallAsync($"hub {url}", () => client.ConnectAsync(cancellationToken));
        return new HubClient(client, info);
    }

    public static Task<HubInfo> GetHubInfoAsync(HttpClient http, string url, CancellationToken cancellationToken) =>
        CallAsync($"hub {url}", () => new GaiaHubClient(new Uri(url), null, http, new() { RequestTimeout = CliHttp.RequestTimeout })
            .GetHubInfoAsync(cancellationToken));

    /// <summary>Where the file can be read without authentication.</summary>
    public string ReadUrl(string address, string path) => ReadUrlPrefix + address + "/" + GaiaPath.Encode(path);

    /// <summary>POST /store of the key's bucket: the body is streamed as given, with its type and, if known, length.</summary>
    public Task<PutFileResult> StoreAsync(string path, Stream body, string contentType, long? length, string? ifMatch, string? ifNoneMatch,
        CancellationToken cancellationToken) =>
        CallAsync(Who, () => client.PutFileAsync(path, body, new PutFileOptions
        {
            Encrypt = false,
            ContentType = contentType,
            ContentLength = length,
            IfMatch = ifMatch,
            IfNoneMatch = ifNoneMatch,
        }, cancellationToken));

    /// <summary><c>putFile</c> with the library's encryption and signing.</summary>
    public Task<PutFileResult> PutAsync(string path, Stream body, PutFileOptions options, CancellationToken cancellationToken) =>
        CallAsync(Who, () => client.PutFileAsync(path, body, options, cancellationToken));

    public Task DeleteAsync(string path, CancellationToken cancellationToken) =>
        CallAsync(Who, async () => { await client.DeleteFileAsync(path, cancellationToken: cancellationToken); return true; });

    /// <summary>Every file of the key's bucket, following pages until a null page or an empty entries array (spec 7).</summary>
    public async IAsyncEnumerable<ListedFile> ListAsync(bool stat, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var files = client.ListFilesAsync(stat, cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using (files)
        {
            while (await CallAsync(Who, () => files.MoveNextAsync().AsTask()))
            {
                yield return ListedFile.From(files.Current);
            }
        }
    }

    /// <summary>POST /revoke-all: tokens issued before <paramref name="oldestValidTimestamp"/> stop working.</summary>
    public Task RevokeAllAsync(long oldestValidTimestamp, CancellationToken cancellationToken) =>
        CallAsync(Who, async () => { await client.RevokeAllAsync(DateTimeOffset.FromUnixTimeSeconds(oldestValidTimestamp), cancellationToken); return true; });

    /// <summary>GET of a file's read URL (decrypted or verified as <paramref name="options"/> say); null when it answers 404. The caller disposes it.</summary>
    public async Task<GaiaFile?> OpenReadAsync(string address, string path, CancellationToken cancellationToken, GetFileOptions? options = null)
    {
        options ??= new GetFileOptions { Decrypt = false };
        options.Bucket = address;
        try
        {
            return await CallAsync($"read endpoint {ReadUrl(address, path)}", () => client.GetFileAsync(path, options, cancellationToken));
        }
        catch (CliException e) when (e.Status == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private static async Task<T> CallAsync<T>(string who, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (GaiaHubException e)
        {
            throw new CliException(GaiaCli.OneLine(e.Message), ExitCodes.Failure, e.Status == 0 ? null : e.Status);
        }
        catch (HttpRequestException e)
        {
            throw new CliException(GaiaCli.OneLine($"cannot reach {who}: {e.Message}"), ExitCodes.Failure, inner: e);
        }
        catch (TimeoutException e)
        {
            throw new CliException(e.Message);
        }
    }
}
