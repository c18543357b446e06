using Gaia.Protocol;

namespace Gaia.Cli.Keys;

/// <summary>A secp256k1 private key that owns one bucket: the bucket address is that of its compressed public key.</summary>
internal sealed class BucketKey
{
    /// <summary>The curve order n; a private key is an integer in [1, n-1].</summary>
    private static readonly byte[] Order = Convert.FromHexString("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141");

    private readonly byte[] privateKey;

    private BucketKey(byte[] privateKey)
    {
        this.privateKey = privateKey;
        PublicKeyHex = Convert.ToHexStringLower(Secp256k1.PublicKeyOf(privateKey));
        Address = BitcoinAddress.FromCompressedKey(Convert.FromHexString(PublicKeyHex));
    }

    /// <summary>The compressed SEC1 public key, 66 hex digits.</summary>
    public string PublicKeyHex { get; }

    /// <summary>The bucket address (Base58Check, version 0).</summary>
    public string Address { get; }

    /// <summary>64 lower-case hex digits. Only written where the user asked for it.</summary>
    public string PrivateKeyHex => Convert.ToHexStringLower(privateKey);

    public static BucketKey New() => new(Secp256k1.NewPrivateKey());

    /// <summary>
    /// Reads 64 hex digits (surrounding white space and a <c>0x</c> prefix allowed; a trailing <c>01</c>, the
    /// "compressed" marker Stacks keys carry, is dropped). <paramref name="source"/> names where the text came from.
    /// </summary>
    public static BucketKey Parse(string text, string source)
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
            throw CliException.Usage($"the key from {source} is not a secp256k1 private key (64 hex digits)");
        }

        var bytes = Convert.FromHexString(hex);
        if (bytes.All(b => b == 0) || bytes.AsSpan().SequenceCompareTo(Order) >= 0)
        {
            throw CliException.Usage($"the key from {source} is out of range for secp256k1");
        }

        return new BucketKey(bytes);
    }

    /// <summary>Signs a 32-byte digest: r ‖ s, low-S, deterministic.</summary>
    public byte[] Sign(ReadOnlySpan<byte> digest) => Secp256k1.Sign(privateKey, digest);

    public override string ToString() => Address;
}
