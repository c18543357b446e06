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
public sealed class GaiaHubClient
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

    /// <summary>
    /// <c>putFile</c>: stores <paramref name="content"/> at <paramref name="path"/>, encrypted unless
    /// <see cref="PutFileOptions.Encrypt"/> is false. Unencrypted, unsigned content is streamed as it is read.
    /// </summary>
    /// <remarks>The stream is read from its position to its end and left open: it stays the caller's to dispose.</remarks>
    /// <exception cref="GaiaHubException">The hub refused (e.g. 412 for a failed condition, 413 too large, 401 token).</exception>
    public async Task<PutFileResult> PutFileAsync(string path, Stream content, PutFileOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        options ??= new PutFileOptions();
        RequireKey();
        var limit = await GetMaxUploadBytesAsync(cancellationToken);
        if (!options.Encrypt && !options.Sign)
        {
            var length = options.ContentLength ?? (content.CanSeek ? content.Length - content.Position : null);
            CheckSize(length, limit);
            var body = new StreamContent(content, 81_920);
            body.Headers.ContentLength = length;
            return await StoreAsync(path, body, options.ContentType ?? "application/octet-stream", options, cancellationToken);
        }

        var bytes = await FileContent.ReadAllAsync(content, limit, path, HubUrl, cancellationToken);
        return await PutBytesAsync(path, bytes, options.WasString ?? false, options, cancellationToken);
    }

    /// <summary><c>putFile</c> with bytes (stored as binary; <c>wasString</c> false).</summary>
    public Task<PutFileResult> PutFileAsync(string path, byte[] content, PutFileOptions? options = null, CancellationToken cancellationToken = default) =>
        PutBytesAsync(path, content, options?.WasString ?? false, options ?? new PutFileOptions(), cancellationToken);

    /// <summary><c>putFile</c> with text (UTF-8; <c>wasString</c> true, content type <c>text/plain; charset=utf-8</c> unless given).</summary>
    public Task<PutFileResult> PutFileAsync(string path, string content, PutFileOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new PutFileOptions();
        options.ContentType ??= "text/plain; charset=utf-8";
        return PutBytesAsync(path, Encoding.UTF8.GetBytes(content), options.WasString ?? true, options, cancellationToken);
    }

    /// <summary>
    /// <c>getFile</c>: reads a file through the hub's read URL, decrypting and verifying as <paramref name="options"/> say
    /// (default: decrypt). Dispose the result.
    /// </summary>
    /// <exception cref="GaiaHubException">The read endpoint answered with an error (404 when there is no such file).</exception>
    /// <exception cref="System.Security.Cryptography.CryptographicException">Decryption or signature verification failed.</exception>
    public async Task<GaiaFile> GetFileAsync(string path, GetFileOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new GetFileOptions();
        var bucket = options.Bucket ?? RequireKey().Address;
        var response = await OpenReadAsync(await GetFileUrlAsync(path, bucket, cancellationToken), cancellationToken);
        if (!options.Decrypt && !options.Verify)
        {
            return await FileContent.PlainAsync(response, cancellationToken);
        }

        using (response)
        {
            if (options.Decrypt)
            {
                return await FileContent.DecryptAsync(response, RequireKey(), options.Verify, path, cancellationToken);
            }

            using var signature = await OpenReadAsync(await GetFileUrlAsync(path + ".sig", bucket, cancellationToken), cancellationToken);
            return await FileContent.VerifyAsync(response, signature, bucket, path, cancellationToken);
        }
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

    private async Task<PutFileResult> PutBytesAsync(string path, byte[] content, bool wasString, PutFileOptions options, CancellationToken cancellationToken)
    {
        var key = RequireKey();
        var limit = await GetMaxUploadBytesAsync(cancellationToken);
        if (options.Encrypt)
        {
            var envelope = Encoding.UTF8.GetBytes(GaiaEncryption.EncryptContent(options.EncryptionPublicKey ?? key.PublicKeyHex, content, wasString,
                options.CipherTextEncoding, options.Sign ? key : null));
            CheckSize(envelope.Length, limit);
            return await StoreAsync(path, new ByteArrayContent(envelope), "application/json", options, cancellationToken);
        }

        CheckSize(content.Length, limit);
        var stored = await StoreAsync(path, new ByteArrayContent(content), options.ContentType ?? "application/octet-stream", options, cancellationToken);
        if (options.Sign)
        {
            var signature = JsonSerializer.SerializeToUtf8Bytes(GaiaEncryption.SignECDSA(key, content), GaiaEncryption.TypeInfo<SignatureObject>());
            await StoreAsync(path + ".sig", new ByteArrayContent(signature), "application/json", new PutFileOptions(), cancellationToken);
        }

        return stored;
    }

    private async Task<PutFileResult> StoreAsync(string path, HttpContent content, string contentType, PutFileOptions options, CancellationToken cancellationToken)
    {
        using var request = await AuthorizedAsync(HttpMethod.Post, $"/store/{RequireKey().Address}/{GaiaPath.Encode(path)}", cancellationToken);
        request.Content = content;
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        if (options.IfMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", options.IfMatch);
        }

        if (options.IfNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", options.IfNoneMatch);
        }

        try
        {
            using var response = await HubHttp.SendAsync(http, request, Who, timeout: null, HttpCompletionOption.ResponseContentRead, cancellationToken);
            return await response.Content.ReadFromJsonAsync(ClientJson.Default.PutFileResult, cancellationToken) ?? new PutFileResult(null, null);
        }
        finally
        {
            request.Content = null;
        }
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
