namespace Gaia.Hub.S3.Tests;

/// <summary>
/// A request body that gives its first <c>cutAt</c> bytes, then runs <c>atCut</c> (to look at the server while the
/// upload is in flight) and fails the way the hub's size limit or a lost client does.
/// </summary>
internal sealed class CutOffStream(byte[] content, int cutAt, Func<Task> atCut, Func<Exception> failure) : Stream
{
    private int position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => position; set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (position >= cutAt)
        {
            await atCut();
            throw failure();
        }

        var count = Math.Min(buffer.Length, Math.Min(cutAt, content.Length) - position);
        content.AsMemory(position, count).CopyTo(buffer);
        position += count;
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("Read asynchronously.");

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
