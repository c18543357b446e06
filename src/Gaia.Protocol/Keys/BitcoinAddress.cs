using System.Security.Cryptography;
using SimpleBase;

namespace Gaia.Protocol;

/// <summary>Bucket addresses: Base58Check(0x00 ‖ RIPEMD160(SHA256(compressed public key))).</summary>
public static class BitcoinAddress
{
    /// <summary>The bucket address of a SEC1 public key; the key is compressed first, as the reference hub does.</summary>
    public static string? FromPublicKeyHex(string publicKeyHex)
    {
        if (!Hex.TryDecode(publicKeyHex, out var bytes))
        {
            return null;
        }

        var point = Secp256k1.TryParsePublicKey(bytes);
        return point is null ? null : FromCompressedKey(Secp256k1.Compress(point));
    }

    public static string FromCompressedKey(ReadOnlySpan<byte> compressedKey)
    {
        Span<byte> payload = stackalloc byte[25];
        Secp256k1.Ripemd160(SHA256.HashData(compressedKey)).CopyTo(payload[1..]);
        payload[0] = 0x00;
        Span<byte> check = stackalloc byte[32];
        SHA256.HashData(SHA256.HashData(payload[..21]), check);
        check[..4].CopyTo(payload[21..]);
        return Base58.Bitcoin.Encode(payload);
    }
}
