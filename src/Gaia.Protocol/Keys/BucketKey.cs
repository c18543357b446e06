namespace Gaia.Protocol;

/// <summary>
/// A secp256k1 private key that owns one bucket (an app private key, in @stacks/storage's words): the bucket address is
/// that of its compressed public key.
/// </summary>
public sealed class BucketKey
{
    private readonly byte[] privateKey;

    private BucketKey(byte[] privateKey)
    {
        this.privateKey = privateKey;
        PublicKey = Secp256k1.PublicKeyOf(privateKey);
        PublicKeyHex = Convert.ToHexStringLower(PublicKey);
        Address = BitcoinAddress.FromCompressedKey(PublicKey);
    }

    /// <summary>The compressed SEC1 public key, 66 hex digits.</summary>
    public string PublicKeyHex { get; }

    /// <summary>The bucket address (Base58Check, version 0).</summary>
    public string Address { get; }

    /// <summary>64 lower-case hex digits. Write it only where the user asked for it.</summary>
    public string PrivateKeyHex => Convert.ToHexStringLower(privateKey);

    internal byte[] PublicKey { get; }

    /// <summary>A new random key.</summary>
    public static BucketKey New() => new(Secp256k1.NewPrivateKey());

    /// <summary>
    /// Reads 64 hex digits (surrounding white space and a <c>0x</c> prefix allowed; a trailing <c>01</c>, the
    /// "compressed" marker Stacks keys carry, is dropped).
    /// </summary>
    /// <exception cref="FormatException">The text is not a secp256k1 private key; the message says why.</exception>
    public static BucketKey Parse(string text)
    {
        var hex = text.Trim();
        if (hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            hex = hex[2..];
        }

        if (hex.Length == 66 && hex.EndsWith("01", StringComparison.Ordinal))
        {
            hex = hex[..64];
        }

        if (hex.Length != 64 || !hex.All(char.IsAsciiHexDigit))
        {
            throw new FormatException("not a secp256k1 private key (64 hex digits)");
        }

        var bytes = Convert.FromHexString(hex);
        return Secp256k1.IsPrivateKey(bytes) ? new BucketKey(bytes) : throw new FormatException("out of range for secp256k1");
    }

    /// <summary>Signs a 32-byte digest: r ‖ s, low-S, deterministic (RFC 6979).</summary>
    public byte[] Sign(ReadOnlySpan<byte> digest) => Secp256k1.Sign(privateKey, digest);

    /// <summary>ECDH with another key: the x coordinate of the shared point (32 bytes).</summary>
    public byte[] SharedSecret(ReadOnlySpan<byte> publicKey) => Secp256k1.SharedSecret(privateKey, publicKey);

    /// <summary>The bucket address.</summary>
    public override string ToString() => Address;
}
