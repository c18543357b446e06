using NBitcoin.Crypto;
using NBitcoin.DataEncoders;
using NBitcoin.Secp256k1;

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

        return Secp256k1.TryParsePublicKey(bytes) is { } key ? FromPublicKey(key) : null;
    }

    /// <summary>The address of the key bytes exactly as given (the client helpers' <c>publicKeyToBtcAddress</c>).</summary>
    public static string FromCompressedKey(ReadOnlySpan<byte> compressedKey)
    {
        Span<byte> payload = stackalloc byte[21];
        payload[0] = 0x00;
        Hashes.Hash160RawBytes(compressedKey).CopyTo(payload[1..]);
        return Encoders.Base58Check.EncodeData(payload);
    }

    internal static string FromPublicKey(ECPubKey key)
    {
        Span<byte> compressed = stackalloc byte[33];
        key.WriteToSpan(true, compressed, out _);
        return FromCompressedKey(compressed);
    }
}
