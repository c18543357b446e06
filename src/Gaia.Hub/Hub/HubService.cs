using System.Security.Cryptography;
using Gaia.Hub.Authentication;
using Gaia.Hub.Configuration;
using Gaia.Hub.Errors;
using Gaia.Hub.Revocations;
using Gaia.Hub.Storage;
using Microsoft.Extensions.Options;

namespace Gaia.Hub.Hub;

/// <summary>
/// The hub's operations for an authenticated caller (spec 2, 4–7): path and scope rules, size limit, preconditions,
/// the per-path mutex, archival history, then the storage driver.
/// </summary>
public sealed class HubService(IStorageDriver driver, IRevocationStore revocations, IOptions<GaiaHubOptions> options, TimeProvider time)
{
    public const int MaxContentTypeLength = 1024;
    private const string HistoryIdAlphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private readonly GaiaHubOptions settings = options.Value;
    private readonly PathLocks locks = new();

    public long MaxUploadBytes => settings.MaxFileUploadSizeBytes;

    /// <summary>True when neither a public nor a read URL is configured: answers carry URLs built from the request.</summary>
    public bool UrlsFromRequest => settings.PublicUrl is null && settings.ReadUrl is null;

    /// <summary>Hosts besides loopback names that a request may name when <see cref="UrlsFromRequest"/>.</summary>
    public IReadOnlyCollection<string> AllowedHosts => settings.AllowedHosts;

    /// <param name="requestBaseUrl">Scheme, host and path base of the request, used when no public URL is configured.</param>
    public HubInfo GetHubInfo(string requestBaseUrl) => new(
        ChallengeText.For(settings.ServerName), "v1", settings.MaxFileUploadSizeMegabytes, ReadUrlPrefix(requestBaseUrl));

    public string ReadUrlPrefix(string requestBaseUrl)
    {
        if (settings.ReadUrl is { } readUrl)
        {
            return readUrl.EndsWith('/') ? readUrl : readUrl + "/";
        }

        return (settings.PublicUrl ?? requestBaseUrl).TrimEnd('/') + "/read/";
    }

    public async Task<StoreResult> StoreAsync(GaiaIdentity caller, StoreRequest request, string readUrlPrefix, CancellationToken cancellationToken = default)
    {
        GaiaPath.EnsureValid(request.Path);
        caller.Scopes.EnsureCanWrite(request.Path);
        var condition = ConditionOf(request.IfMatch, request.IfNoneMatch) ?? throw GaiaException.PreconditionFailed(
            "Send either If-Match or If-None-Match: *, not both, and no other If-None-Match value.",
            (await driver.StatAsync(caller.Address, request.Path, cancellationToken))?.ETag);
        var contentType = string.IsNullOrEmpty(request.ContentType) ? "application/octet-stream" : request.ContentType;
        if (contentType.Length > MaxContentTypeLength)
        {
            throw GaiaException.InvalidInput($"Content-Type is longer than {MaxContentTypeLength} characters.");
        }

        if (request.ContentLength > MaxUploadBytes)
        {
            throw GaiaException.PayloadTooLarge(MaxUploadBytes);
        }

        using var held = locks.Acquire(caller.Address, request.Path, "store");
        var archivePath = caller.Scopes.IsArchival ? ArchiveNameOf(request.Path) : null;
        var body = new LimitedReadStream(request.Body, request.ContentLength > 0 ? request.ContentLength.Value : MaxUploadBytes);
        var etag = await driver.WriteAsync(
            new WriteRequest(caller.Address, request.Path, body, contentType, condition, archivePath), cancellationToken);
        return new StoreResult($"{readUrlPrefix}{caller.Address}/{request.Path}", etag);
    }

    public async Task DeleteAsync(GaiaIdentity caller, string path, CancellationToken cancellationToken = default)
    {
        GaiaPath.EnsureValid(path);
        caller.Scopes.EnsureCanDelete(path);
        using var held = locks.Acquire(caller.Address, path, "delete");
        var found = caller.Scopes.IsArchival
            ? await driver.RenameAsync(caller.Address, path, ArchiveNameOf(path), cancellationToken)
            : await driver.DeleteAsync(caller.Address, path, cancellationToken);
        if (!found)
        {
            throw new GaiaException(GaiaError.DoesNotExist, $"File does not exist: {path}");
        }
    }

    public async Task<ListFilesResult> ListAsync(GaiaIdentity caller, ListFilesRequest request, CancellationToken cancellationToken = default)
    {
        var continuation = request.Page is null ? null : PageToken.Open(request.Page, caller.Address, request.Prefix);
        var page = await driver.ListAsync(
            new ListRequest(caller.Address, settings.PageSize, continuation, request.Stat, request.Prefix), cancellationToken);
        var next = page.NextPageToken is null ? null : PageToken.Seal(page.NextPageToken, caller.Address, request.Prefix);
        if (!caller.Scopes.IsArchival)
        {
            return new ListFilesResult(page.Entries, next);
        }

        var visible = page.Entries.Where(e => !GaiaPath.IsHistorical(e.Name)).ToList<ListEntry?>();
        return new ListFilesResult(visible.Count == 0 && next is not null ? [null] : visible, next);
    }

    /// <summary>Raises the bucket's oldest valid token timestamp (seconds); never lowers it.</summary>
    public Task<long> RevokeAllAsync(GaiaIdentity caller, long oldestValidTimestamp, CancellationToken cancellationToken = default) =>
        revocations.BumpAsync(caller.Address, oldestValidTimestamp, cancellationToken);

    /// <summary>The write condition of the request headers; null for combinations the protocol refuses with 412.</summary>
    private static WriteCondition? ConditionOf(string? ifMatch, string? ifNoneMatch) => (ifMatch, ifNoneMatch) switch
    {
        (not null, not null) => null,
        (null, "*") => WriteCondition.MustNotExist,
        (null, not null) => null,
        (not null, null) => WriteCondition.Match(ifMatch),
        _ => WriteCondition.None,
    };

    /// <summary>The history name the current version moves to under an archival scope; 403 when it would be too long.</summary>
    private string ArchiveNameOf(string path)
    {
        var name = GaiaPath.HistoryNameOf(
            path, time.GetUtcNow().ToUnixTimeMilliseconds(), RandomNumberGenerator.GetString(HistoryIdAlphabet, 10));
        try
        {
            GaiaPath.EnsureValid(name);
        }
        catch (GaiaException e)
        {
            throw GaiaException.BadPath($"Under an archival scope old versions are kept as '.history.' names, and this one is invalid: {e.Message}");
        }

        return name;
    }
}
