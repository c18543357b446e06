using System.Buffers;
using Gaia.Hub.Errors;
using Gaia.Hub.Storage;
using Microsoft.AspNetCore.Http;

namespace Gaia.Hub.Http;

/// <summary>
/// Serves a stored file: its Content-Type, its ETag exactly as the store response gave it, If-None-Match → 304,
/// a single byte Range → 206, HEAD without a body.
/// </summary>
internal sealed class StoredFileResult(StoredFile file) : IResult
{
    public async Task ExecuteAsync(HttpContext context)
    {
        await using var owned = file;
        var (request, response, stat) = (context.Request, context.Response, file.Stat);
        response.Headers.ETag = stat.ETag;
        response.Headers.LastModified = stat.LastModified.ToString("R");
        response.Headers.AcceptRanges = "bytes";
        if (request.Headers.IfNoneMatch.ToString() is { Length: > 0 } ifNoneMatch
            && ifNoneMatch.Split(',').Any(tag => tag.Trim() == "*" || ETags.Same(tag, stat.ETag)))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.ContentType = stat.ContentType;
        var (start, length) = (0L, stat.ContentLength);
        if (ByteRange.Parse(request.Headers.Range.ToString(), stat.ContentLength) is { } range
            && (request.Headers.IfRange.Count == 0 || ETags.Same(request.Headers.IfRange.ToString(), stat.ETag)))
        {
            if (range.Length == 0)
            {
                response.Headers.ContentRange = $"bytes */{stat.ContentLength}";
                throw new GaiaException(GaiaError.RangeNotSatisfiable, "The requested range is outside the file.");
            }

            (start, length) = range;
            response.StatusCode = StatusCodes.Status206PartialContent;
            response.Headers.ContentRange = $"bytes {start}-{start + length - 1}/{stat.ContentLength}";
        }

        response.ContentLength = length;
        if (HttpMethods.IsHead(request.Method))
        {
            return;
        }

        file.Content.Seek(start, SeekOrigin.Begin);
        await CopyAsync(file.Content, response.Body, length, context.RequestAborted);
    }

    private static async Task CopyAsync(Stream source, Stream target, long length, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Clamp(length, 1, 64 * 1024));
        try
        {
            while (length > 0)
            {
                var read = await source.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, length)), cancellationToken);
                if (read == 0)
                {
                    throw new IOException("The stored file ended early.");
                }

                await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                length -= read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
