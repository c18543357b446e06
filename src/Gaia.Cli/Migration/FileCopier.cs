using System.Net;
using Gaia.Cli.Hubs;
using Gaia.Cli.Output;

namespace Gaia.Cli.Migration;

/// <summary>
/// Settles one file: skipped when the destination already serves the same bytes and content type; otherwise streamed
/// from the source's read URL into the destination's store and verified by reading the destination's read URL back.
/// Hashes are computed here (SHA-256): hubs' ETags differ by driver, so they are never compared across hubs.
/// </summary>
internal sealed class FileCopier(HubClient source, HubClient destination, string address, IMigrationProgress progress)
{
    /// <summary>The revocation marker that cloud hubs with a bare-address listing prefix list as a file (spec 7).</summary>
    public const string RevocationMarker = "auth/authTimestamp";

    private const int Attempts = 3;

    public async Task<FileOutcome> SettleAsync(ListedFile file, ListedFile? existing, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await SettleOnceAsync(file, existing, cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && IsFailure(e))
            {
                if (attempt == Attempts || !IsTransient(e))
                {
                    return new FileOutcome(file.Name, FileStatus.Failed, 0, Error: GaiaCli.OneLine(e.Message));
                }

                await Task.Delay(TimeSpan.FromMilliseconds(250 * attempt * attempt), cancellationToken);
            }
        }
    }

    private async Task<FileOutcome> SettleOnceAsync(ListedFile file, ListedFile? existing, CancellationToken cancellationToken)
    {
        if (file.ContentLength is { } size && size > destination.MaxUploadBytes)
        {
            throw new CliException($"{ByteSize.Format(size)} is over the destination's upload limit of "
                + $"{destination.Info.MaxFileUploadSizeMegabytes} MB");
        }

        if (existing is not null && (existing.ContentLength is null || file.ContentLength is null || existing.ContentLength == file.ContentLength))
        {
            var there = await ReadDigestAsync(destination, file.Name, cancellationToken);
            if (there is not null)
            {
                var here = await ReadDigestAsync(source, file.Name, cancellationToken);
                if (here is null)
                {
                    return Vanished(file);
                }

                var type = file.ContentType ?? here.Value.ContentType;
                if (here.Value.Sha256 == there.Value.Sha256 && SameType(type, existing.ContentType ?? there.Value.ContentType))
                {
                    progress.AddBytes(here.Value.Length);
                    return new FileOutcome(file.Name, FileStatus.Skipped, here.Value.Length, type, here.Value.Sha256);
                }
            }
        }

        return await CopyAsync(file, cancellationToken);
    }

    private async Task<FileOutcome> CopyAsync(ListedFile file, CancellationToken cancellationToken)
    {
        await using var response = await source.OpenReadAsync(address, file.Name, cancellationToken);
        if (response is null)
        {
            return Vanished(file);
        }

        var type = file.ContentType ?? response.ContentType ?? "application/octet-stream";
        var length = response.Length ?? file.ContentLength;
        await using var body = new HashingStream(response.Content, progress.AddBytes);
        try
        {
            await destination.StoreAsync(file.Name, body, type, length, ifMatch: null, ifNoneMatch: null, cancellationToken);

            var sha256 = body.Sha256();
            var copy = await ReadDigestAsync(destination, file.Name, cancellationToken)
                ?? throw new VerificationException($"the destination's read URL {destination.ReadUrl(address, file.Name)} answered 404");
            if (copy.Sha256 != sha256 || copy.Length != body.BytesRead)
            {
                throw new VerificationException($"the destination serves {copy.Length} bytes with another SHA-256 than the {body.BytesRead} bytes sent");
            }

            return SameType(type, copy.ContentType)
                ? new FileOutcome(file.Name, FileStatus.Copied, body.BytesRead, type, sha256)
                : throw new CliException($"the destination serves content type '{copy.ContentType}', not '{type}'");
        }
        catch
        {
            progress.AddBytes(-body.BytesRead);
            throw;
        }
    }

    private async Task<(long Length, string Sha256, string? ContentType)?> ReadDigestAsync(HubClient hub, string path, CancellationToken cancellationToken)
    {
        await using var response = await hub.OpenReadAsync(address, path, cancellationToken);
        if (response is null)
        {
            return null;
        }

        var (length, sha256) = await HashingStream.DigestAsync(response.Content, cancellationToken);
        return (length, sha256, response.ContentType);
    }

    private FileOutcome Vanished(ListedFile file) => file.Name == RevocationMarker
        ? new FileOutcome(file.Name, FileStatus.Ignored, 0, Error: "the source hub lists its revocation marker as a file; it is not one")
        : new FileOutcome(file.Name, FileStatus.Failed, 0,
            Error: $"listed by the source hub, but its read URL {source.ReadUrl(address, file.Name)} answered 404");

    /// <summary>Content types compare without case and white space (a read endpoint may print <c>text/plain;charset=utf-8</c>).</summary>
    private static bool SameType(string? a, string? b) =>
        string.Equals(Normalize(a), Normalize(b), StringComparison.OrdinalIgnoreCase);

    private static string Normalize(string? type) => string.Concat((type ?? "application/octet-stream").Where(c => !char.IsWhiteSpace(c)));

    private static bool IsFailure(Exception e) => e is CliException or VerificationException or HttpRequestException or IOException or OperationCanceledException;

    /// <summary>Worth another attempt: the network, a 409 from a concurrent writer, 429, 5xx, or a read-back that did not match yet.</summary>
    private static bool IsTransient(Exception e) => e switch
    {
        CliException { Status: { } status } => status is HttpStatusCode.Conflict or HttpStatusCode.TooManyRequests || (int)status >= 500,
        CliException cli => cli.InnerException is not null,
        _ => true,
    };
}
