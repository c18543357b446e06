namespace Gaia.Client;

/// <summary>
/// A file read from a hub: its content as a stream (the plaintext when it was decrypted), content type and ETag.
/// Dispose it to release the connection.
/// </summary>
public sealed class GaiaFile : IAsyncDisposable, IDisposable
{
    private readonly IDisposable? owner;

    internal GaiaFile(Stream content, string? contentType, string? etag, bool wasString, long? length, IDisposable? owner = null)
    {
        Content = content;
        ContentType = contentType;
        ETag = etag;
        WasString = wasString;
        Length = length;
        this.owner = owner;
    }

    /// <summary>The bytes; read it once.</summary>
    public Stream Content { get; }

    /// <summary>The stored content type (of the envelope when the file was encrypted).</summary>
    public string? ContentType { get; }

    /// <summary>The ETag of the stored version, without quotes.</summary>
    public string? ETag { get; }

    /// <summary>True when the writer stored text (the envelope's <c>wasString</c>, or a <c>text/*</c> type for plain files).</summary>
    public bool WasString { get; }

    /// <summary>The length of <see cref="Content"/> when known.</summary>
    public long? Length { get; }

    /// <summary>Reads the rest of the content as UTF-8 text.</summary>
    public async Task<string> ReadAsStringAsync(CancellationToken cancellationToken = default)
    {
        using var reader = new StreamReader(Content, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    /// <summary>Reads the rest of the content into an array.</summary>
    public async Task<byte[]> ReadAsBytesAsync(CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        await Content.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Content.Dispose();
        owner?.Dispose();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Content.DisposeAsync();
        owner?.Dispose();
    }
}
