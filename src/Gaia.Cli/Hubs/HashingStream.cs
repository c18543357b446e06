using System.Security.Cryptography;

namespace Gaia.Cli.Hubs;

/// <summary>Reads through another stream, counting the bytes and hashing them (SHA-256) on the way; optionally reports each read.</summary>
internal sealed class HashingStream(Stream inner, Action<long>? onRead = null) : Stream
{
    private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private string? final;

    public long BytesRead { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    /// <summary>Lower-case hex SHA-256 of everything read so far (still there once the stream is disposed).</summary>
    public string Sha256() => final ?? Convert.ToHexStringLower(hash.GetCurrentHash());

    /// <summary>Reads <paramref name="source"/> to its end and returns its length and hex SHA-256.</summary>
    public static async Task<(long Length, string Sha256)> DigestAsync(Stream source, CancellationToken cancellationToken)
    {
        await using var hashing = new HashingStream(source);
        await hashing.CopyToAsync(Null, cancellationToken);
        return (hashing.BytesRead, hashing.Sha256());
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        Account(buffer[..read]);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        Account(buffer.Span[..read]);
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && final is null)
        {
            final = Convert.ToHexStringLower(hash.GetCurrentHash());
            hash.Dispose();
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Account(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return;
        }

        hash.AppendData(bytes);
        BytesRead += bytes.Length;
        onRead?.Invoke(bytes.Length);
    }
}
