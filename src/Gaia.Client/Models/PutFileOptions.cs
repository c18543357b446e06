namespace Gaia.Client;

/// <summary>How <see cref="GaiaHubClient.PutFileAsync(string, Stream, PutFileOptions?, CancellationToken)"/> stores a file.</summary>
/// <remarks>
/// The defaults are <c>putFile</c>'s in @stacks/storage: the content is encrypted (ECIES to the bucket key's public key)
/// and not signed. Set <see cref="Encrypt"/> to false to store the bytes as they are.
/// </remarks>
public sealed class PutFileOptions
{
    /// <summary>Encrypt to the bucket key (default true); the hub then stores a JSON envelope with type <c>application/json</c>.</summary>
    public bool Encrypt { get; set; } = true;

    /// <summary>
    /// Encrypt to this public key (hex) instead of the bucket key's. Only that key's owner can read the file.
    /// </summary>
    public string? EncryptionPublicKey { get; set; }

    /// <summary>
    /// Sign with the bucket key (default false). Encrypted: the envelope is wrapped in <c>{signature, publicKey, cipherText}</c>.
    /// Not encrypted: the file is stored as it is and a <c>{path}.sig</c> file holds <c>{signature, publicKey}</c>.
    /// </summary>
    public bool Sign { get; set; }

    /// <summary>
    /// Mark the plaintext as text (the envelope's <c>wasString</c>), so that <c>getFile</c> in JavaScript returns a string.
    /// Default: true for the <see cref="string"/> overload, false for bytes and streams.
    /// </summary>
    public bool? WasString { get; set; }

    /// <summary>How the cipher text is written (default hex, as <c>putFile</c> does).</summary>
    public CipherTextEncoding CipherTextEncoding { get; set; } = CipherTextEncoding.Hex;

    /// <summary>
    /// The stored content type when not encrypted (default <c>application/octet-stream</c>, or
    /// <c>text/plain; charset=utf-8</c> for text).
    /// </summary>
    public string? ContentType { get; set; }

    /// <summary>The length of a stream that cannot tell it (sent as Content-Length instead of a chunked upload).</summary>
    public long? ContentLength { get; set; }

    /// <summary>Store only if the file's current ETag is this (<c>If-Match</c>); the hub answers 412 otherwise.</summary>
    public string? IfMatch { get; set; }

    /// <summary><c>*</c>: store only if the file does not exist yet (<c>If-None-Match</c>).</summary>
    public string? IfNoneMatch { get; set; }
}
