namespace Gaia.Client;

/// <summary>How <see cref="GaiaHubClient.GetFileAsync"/> reads a file. The defaults are <c>getFile</c>'s: decrypt, do not verify.</summary>
public sealed class GetFileOptions
{
    /// <summary>Decrypt the ECIES envelope with the bucket key (default true).</summary>
    public bool Decrypt { get; set; } = true;

    /// <summary>
    /// Check the file's signature (default false): inside the envelope when decrypting, else the <c>{path}.sig</c> file.
    /// The signer must own the bucket the file is read from.
    /// </summary>
    public bool Verify { get; set; }

    /// <summary>Read from this bucket address instead of the key's (reads need no key unless decrypting).</summary>
    public string? Bucket { get; set; }
}
