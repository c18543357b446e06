using System.Security.Cryptography;
using NBitcoin.Crypto;
using NBitcoin.DataEncoders;
using ECPubKey = NBitcoin.Secp256k1.ECPubKey;

namespace Gaia.Protocol;

/// <summary>Bucket addresses: Base58Check(0x00 ‖ RIPEMD160(SHA256(compressed public key))).</summary>
public static class BitcoinAddress
{
    [ThreadStatic]
    private static byte[]? shaBuffer;

    /// <summary>The bucket address of a SEC1 public key; the key is compressed first, as the reference hub does.</summary>
    public static string? FromPublicKeyHex(string publicKeyHex)
    {
        if (!Hex.TryDecode(publicKeyHex, out var bytes))
        {
            return null;
        }

        return Secp256k1.TryParsePublicKey(bytes) is { } key ? FromPublicKey(key) : null;
    }

    /// <summary>The address of the key bytes exactly as given (the client helpers' <c>publicKeyToBtcAddress</c>).</summary>
    /// <remarks>
    /// NBitcoin's RIPEMD-160 and Base58; the SHA-256 steps and the checksum on spans, so that a derivation allocates
    /// little more than the address string (it runs on every first use of a token).
    /// </remarks>
    public static string FromCompressedKey(ReadOnlySpan<byte> compressedKey)
    {
        var sha256 = shaBuffer ??= new byte[32];
        SHA256.HashData(compressedKey, sha256);
        Span<byte> payload = stackalloc byte[25];
        payload[0] = 0x00;
        Hashes.RIPEMD160(sha256, 32).CopyTo(payload[1..21]);
        Span<byte> check = stackalloc byte[32];
        SHA256.HashData(payload[..21], check);
        SHA256.HashData(check, check);
        check[..4].CopyTo(payload[21..]);
        return Encoders.Base58.EncodeData(payload);
    }

    internal static string FromPublicKey(ECPubKey key)
    {
        Span<byte> compressed = stackalloc byte[33];
        key.WriteToSpan(true, compressed, out _);
        return FromCompressedKey(compressed);
    }
}
