using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Gaia.Protocol;

namespace Gaia.Cli.Hubs;

/// <summary>
/// One Gaia hub, spoken to with nothing but the public protocol (spec 1–8): hub_info, store, delete, list-files,
/// revoke-all on the hub, and plain GETs below its <c>read_url_prefix</c>.
/// </summary>
internal sealed class HubClient
{
    private readonly HttpClient http;
    private readonly string? authorization;

    private HubClient(HttpClient http, string url, HubInfo info, string? authorization)
    {
        this.http = http;
        this.authorization = authorization;
        Url = url;
        Info = info;
        ReadUrlPrefix = info.ReadUrlPrefix!.EndsWith('/') ? info.ReadUrlPrefix : info.ReadUrlPrefix + "/";
    }

    /// <summary>The base URL, without a trailing slash.</summary>
    public string Url { get; }

    public HubInfo Info { get; }

    /// <summary>The hub's read_url_prefix, always ending in a slash.</summary>
    public string ReadUrlPrefix { get; }

    public long MaxUploadBytes => (long)((Info.MaxFileUploadSizeMegabytes is > 0 and var mb ? mb : 20) * 1024 * 1024);

    private string Who => $"hub {Url}";

    /// <summary>Reads hub_info and, given credentials, signs the v1 token every later request carries.</summary>
    public static async Task<HubClient> ConnectAsync(HttpClient http, string url, HubCredentials? credentials, CancellationToken cancellationToken)
    {
        var info = await GetHubInfoAsync(http, url, cancellationToken);
        if (info.ChallengeText is null || info.ReadUrlPrefix is null)
        {
            throw new CliException($"hub {url} answered hub_info without challenge_text or read_url_prefix; is it a Gaia hub?");
        }

        var authorization = credentials is null ? null : "bearer v1:" + TokenSigner.HubToken(credentials.Key, new HubTokenClaims(
            info.ChallengeText, url, DateTimeOffset.UtcNow.ToUnixTimeSeconds(), AssociationToken: credentials.AssociationToken));
        return new HubClient(http, url, info, authorization);
    }

    public static async Task<HubInfo> GetHubInfoAsync(HttpClient http, string url, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url + "/hub_info");
        using var response = await HubRequests.SendAsync(http, request, $"hub {url}", timeout: true, cancellationToken);
        try
        {
            return await response.Content.ReadFromJsonAsync(HubJson.Default.HubInfo, cancellationToken)
                ?? throw new JsonException("null");
        }
        catch (JsonException)
        {
            throw new CliException($"hub {url} answered hub_info with something that is not Gaia's JSON; is it a Gaia hub?");
        }
    }

    /// <summary>Where the file can be read without authentication.</summary>
    public string ReadUrl(string address, string path) => ReadUrlPrefix + address + "/" + GaiaPaths.Encode(path);

    /// <summary>POST /store: the content is streamed as given (with its Content-Type and, if known, Content-Length).</summary>
    public async Task<StoreAnswer> StoreAsync(string address, string path, HttpContent content, string? ifMatch, string? ifNoneMatch,
        CancellationToken cancellationToken)
    {
        using var request = Authorized(HttpMethod.Post, $"/store/{address}/{GaiaPaths.Encode(path)}");
        request.Content = content;
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        using var response = await HubRequests.SendAsync(http, request, Who, timeout: false, cancellationToken);
        return await response.Content.ReadFromJsonAsync(HubJson.Default.StoreAnswer, cancellationToken) ?? new StoreAnswer(null, null);
    }

    public async Task DeleteAsync(string address, string path, CancellationToken cancellationToken)
    {
        using var request = Authorized(HttpMethod.Delete, $"/delete/{address}/{GaiaPaths.Encode(path)}");
        using var response = await HubRequests.SendAsync(http, request, Who, timeout: true, cancellationToken);
    }

    public async Task<ListPage> ListPageAsync(string address, string? page, bool stat, CancellationToken cancellationToken)
    {
        using var request = Authorized(HttpMethod.Post, $"/list-files/{address}");
        request.Content = HubRequests.JsonBody(JsonSerializer.SerializeToUtf8Bytes(new ListRequest(page, stat), HubJson.Default.ListRequest));
        using var response = await HubRequests.SendAsync(http, request, Who, timeout: true, cancellationToken);
        using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("entries", out var entries) || entries.ValueKind != JsonValueKind.Array)
        {
            throw new CliException($"{Who} answered list-files without an entries array");
        }

        var next = root.TryGetProperty("page", out var token) && token.ValueKind != JsonValueKind.Null
            ? token.ValueKind == JsonValueKind.String ? token.GetString() : token.GetRawText()
            : null;
        return new ListPage([.. entries.EnumerateArray().Select(ListedFile.From).OfType<ListedFile>()], next, entries.GetArrayLength());
    }

    /// <summary>POST /revoke-all: tokens issued before <paramref name="oldestValidTimestamp"/> stop working.</summary>
    public async Task RevokeAllAsync(string address, long oldestValidTimestamp, CancellationToken cancellationToken)
    {
        using var request = Authorized(HttpMethod.Post, $"/revoke-all/{address}");
        request.Content = HubRequests.JsonBody(Encoding.ASCII.GetBytes(
            "{\"oldestValidTimestamp\":" + oldestValidTimestamp.ToString(CultureInfo.InvariantCulture) + "}"));
        using var response = await HubRequests.SendAsync(http, request, Who, timeout: true, cancellationToken);
    }

    /// <summary>GET of the file's read URL with the body left unread; null when it answers 404. The caller disposes it.</summary>
    public async Task<HttpResponseMessage?> OpenReadAsync(string address, string path, CancellationToken cancellationToken)
    {
        var url = ReadUrl(address, path);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.CacheControl = new() { NoCache = true };
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw HubErrors.Unreachable($"read endpoint {url}", e);
        }

        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            response.Dispose();
            return null;
        }

        if (!response.IsSuccessStatusCode)
        {
            using (response)
            {
                throw await HubErrors.FromResponseAsync(response, $"read endpoint {url}", cancellationToken);
            }
        }

        return response;
    }

    private HttpRequestMessage Authorized(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, Url + path);
        request.Headers.TryAddWithoutValidation("Authorization",
            authorization ?? throw new InvalidOperationException("This hub client was opened without credentials."));
        return request;
    }
}
