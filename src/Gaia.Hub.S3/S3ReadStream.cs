using Amazon.S3;
using Amazon.S3.Model;

namespace Gaia.Hub.S3;

/// <summary>
/// A seekable read of one version of an object: reads continue on the open response while they are sequential; a seek
/// elsewhere opens a ranged GET from there, conditioned on the first response's ETag, so a file replaced meanwhile
/// fails the read (<see cref="IOException"/>) instead of mixing two versions.
/// </summary>
internal sealed class S3ReadStream(IAmazonS3 s3, string bucketName, string key, GetObjectResponse first, long length) : Stream
{
    private readonly string etag = first.ETag;
    private GetObjectResponse? body = first;
    private long bodyPosition;
    private long position;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position { get => position; set => position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value)); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (position >= length || buffer.Length == 0)
        {
            return 0;
        }

        if (body is null || bodyPosition != position)
        {
            await OpenAtPositionAsync(cancellationToken);
        }

        var read = await body!.ResponseStream.ReadAsync(buffer[..(int)Math.Min(buffer.Length, length - position)], cancellationToken);
        if (read == 0)
        {
            throw new IOException($"S3 ended {key} at byte {position} of {length}.");
        }

        position += read;
        bodyPosition += read;
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count).GetAwaiter().GetResult();

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => position + offset,
        _ => length + offset,
    };

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            body?.Dispose();
            body = null;
        }

        base.Dispose(disposing);
    }

    private async Task OpenAtPositionAsync(CancellationToken cancellationToken)
    {
        body?.Dispose();
        body = null;
        var request = new GetObjectRequest { BucketName = bucketName, Key = key, ByteRange = new ByteRange(position, length - 1), EtagToMatch = etag };
        try
        {
            body = await s3.GetObjectAsync(request, cancellationToken);
        }
        catch (AmazonS3Exception e) when (S3Errors.IsVersionMismatch(e))
        {
            throw new IOException($"{key} was replaced or deleted while it was being read.", e);
        }

        bodyPosition = position;
    }
}
