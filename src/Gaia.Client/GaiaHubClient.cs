using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Gaia.Protocol;

namespace Gaia.Client;

/// <summary>
/// One bucket on one Gaia hub, spoken to like @stacks/storage does: <c>hub_info</c>, then a v1 token bound to the hub's
/// challenge for store, delete, list-files and revoke-all, and plain GETs below the hub's read URL prefix.
/// Thread-safe; the <see cref="HttpClient"/> is the caller's (an IHttpClientFactory client works) and is never disposed here.
/// </summary>
public sealed partial class GaiaHubClient
{
    private readonly HttpClient http;
    private readonly GaiaHubClientOptions options;
    private readonly HubTokens tokens;
    private HubInfo? info;

    /// <summary>A client for the bucket of <paramref name="key"/> (null for a client that only reads public files).</summary>
    /// <param name="hubUrl">The hub's base URL, as users configure it (e.g. <c>https://hub.blockstack.org</c>).</param>
    /// <param name="key">The bucket key (the app private key); the bucket address is its address.</param>
    /// <param name="httpClient">The HttpClient to send with; keep its Timeout infinite for large files (see <see cref="GaiaHubClientOptions.RequestTimeout"/>).</param>
    /// <param name="options">Token and time-out settings.</param>
    public GaiaHubClient(Uri hubUrl, BucketKey? key, HttpClient httpClient, GaiaHubClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(hubUrl);
        ArgumentNullException.ThrowIfNull(httpClient);
        HubUrl = hubUrl.AbsoluteUri.TrimEnd('/');
        Key = key;
        http = httpClient;
        this.options = options ?? new GaiaHubClientOptions();
        tokens = new HubTokens(HubUrl, key, this.options);
    }

    /// <summary>The hub's base URL, without a trailing slash.</summary>
    public string HubUrl { get; }

    /// <summary>The bucket key, if any.</summary>
    public BucketKey? Key { get; }

    /// <summary>The bucket address (that of <see cref="Key"/>).</summary>
    public string? Address => Key?.Address;

    /// <summary>The hub's hub_info once <see cref="ConnectAsync"/> has run.</summary>
    public HubInfo? Info => info;

    private string Who => $"hub {HubUrl}";

    /// <summary>Reads hub_info (once; later calls return the same) and checks that the hub is a Gaia hub.</summary>
    /// <exception cref="GaiaHubException">The hub answered with an error, or with something that is not hub_info.</exception>
    public async Task<HubInfo> ConnectAsync(CancellationToken cancellationToken = default)
    {
        if (info is not null)
        {
            return info;
        }

        var fresh = await GetHubInfoAsync(cancellationToken);
        if (fresh.ChallengeText is null || fresh.ReadUrlPrefix is null)
        {
            throw new GaiaHubException($"{Who} answered hub_info without challenge_text or read_url_prefix; is it a Gaia hub?");
        }

        info = fresh;
        return fresh;
    }

    /// <summary><c>GET /hub_info</c>, fresh from the hub.</summary>
    public async Task<HubInfo> GetHubInfoAsync(CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, HubUrl + "/hub_info");
        using var response = await SendAsync(request, cancellationToken);
        try
        {
            return await response.Content.ReadFromJsonAsync(ClientJson.Default.HubInfo, cancellationToken) ?? throw new JsonException("null");
        }
        catch (JsonException)
        {
            throw new GaiaHubException($"{Who} answered hub_info with something that is not Gaia's JSON; is it a Gaia hub?");
        }
    }

    /// <summary>The largest file the hub takes, in bytes (20 MiB when it does not say).</summary>
    public async Task<long> GetMaxUploadBytesAsync(CancellationToken cancellationToken = default) =>
        (long)(((await ConnectAsync(cancellationToken)).MaxFileUploadSizeMegabytes is > 0 and var mb ? mb : 20) * 1024 * 1024);

    /// <summary><c>getFileUrl</c>: where a file of the bucket (or of <paramref name="bucket"/>) is read without a token.</summary>
    public async Task<string> GetFileUrlAsync(string path, string? bucket = null, CancellationToken cancellationToken = default)
    {
        var prefix = (await ConnectAsync(cancellationToken)).ReadUrlPrefix!;
        return (prefix.EndsWith('/') ? prefix : prefix + "/") + (bucket ?? RequireKey().Address) + "/" + GaiaPath.Encode(path);
    }

    /// <summary><c>listFiles</c>: every file of the bucket, page after page; with <paramref name="stat"/>, sizes, types, ETags and dates too.</summary>
    public async IAsyncEnumerable<HubFile> ListFilesAsync(bool stat = false, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? page = null;
        for (var count = 0; count < FileListing.MaxPages; count++)
        {
            using var request = await AuthorizedAsync(HttpMethod.Post, $"/list-files/{RequireKey().Address}", cancellationToken);
            request.Content = HubHttp.JsonBody(JsonSerializer.SerializeToUtf8Bytes(new ListRequest(page, stat), ClientJson.Default.ListRequest));
            using var response = await SendAsync(request, cancellationToken);
            var (files, next, entries) = await FileListing.ReadPageAsync(response, Who, cancellationToken);
            foreach (var file in files)
            {
                yield return file;
            }

            if (next is null || entries == 0)
            {
                yield break;
            }

            page = next;
        }

        throw new GaiaHubException($"{Who} was still paging after {FileListing.MaxPages} list pages");
    }

    /// <summary><c>deleteFile</c>: deletes a file (and its <c>.sig</c> file when <paramref name="wasSigned"/>).</summary>
    /// <exception cref="GaiaHubException">404 <c>DoesNotExist</c> when there is no such file, or another refusal.</exception>
    public async Task DeleteFileAsync(string path, bool wasSigned = false, CancellationToken cancellationToken = default)
    {
        foreach (var target in wasSigned ? [path, path + ".sig"] : new[] { path })
        {
            using var request = await AuthorizedAsync(HttpMethod.Delete, $"/delete/{RequireKey().Address}/{GaiaPath.Encode(target)}", cancellationToken);
            using var response = await SendAsync(request, cancellationToken);
        }
    }

    /// <summary><c>POST /revoke-all</c>: every token of the bucket issued before <paramref name="oldestValid"/> stops working.</summary>
    public async Task RevokeAllAsync(DateTimeOffset oldestValid, CancellationToken cancellationToken = default)
    {
        using var request = await AuthorizedAsync(HttpMethod.Post, $"/revoke-all/{RequireKey().Address}", cancellationToken);
        request.Content = HubHttp.JsonBody(Encoding.ASCII.GetBytes($"{{\"oldestValidTimestamp\":{oldestValid.ToUnixTimeSeconds()}}}"));
        using var response = await SendAsync(request, cancellationToken);
    }

    private async Task<HttpResponseMessage> OpenReadAsync(string url, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.CacheControl = new() { NoCache = true };
        return await HubHttp.SendAsync(http, request, $"read endpoint {url}", timeout: null, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    private async Task<HttpRequestMessage> AuthorizedAsync(HttpMethod method, string path, CancellationToken cancellationToken)
    {
        var authorization = tokens.Authorization(await ConnectAsync(cancellationToken));
        var request = new HttpRequestMessage(method, HubUrl + path);
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return request;
    }

    private Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        HubHttp.SendAsync(http, request, Who, options.RequestTimeout, HttpCompletionOption.ResponseContentRead, cancellationToken);

    private void CheckSize(long? length, long limit)
    {
        if (length > limit)
        {
            throw new GaiaHubException($"the content is {length} bytes; {Who} accepts at most {limit} bytes per file",
                HttpStatusCode.RequestEntityTooLarge, "PayloadTooLargeError");
        }
    }

    private BucketKey RequireKey() => Key ?? throw new InvalidOperationException("This client was made without a bucket key.");
}
