namespace Gaia.Hub.Hub;

/// <summary>Passes a request body through and fails with 413 as soon as more than the allowed bytes arrive.</summary>
internal sealed class LimitedReadStream(Stream inner, long limit) : ForwardReadStream
{
    private long total;

    public override long Position { get => total; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken));

    private int Count(int read)
    {
        total += read;
        return total > limit ? throw GaiaException.PayloadTooLarge(limit) : read;
    }
}
