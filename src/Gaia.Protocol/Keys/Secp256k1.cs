using System.Security.Cryptography;
using NBitcoin.Secp256k1;

namespace Gaia.Protocol;

/// <summary>
/// secp256k1 on NBitcoin.Secp256k1: SEC1 keys, ECDSA over SHA-256 digests (r ‖ s or DER), ECDH. Verification accepts
/// high-S signatures, which the real clients send about half the time: they are normalized before libsecp256k1's check.
/// </summary>
public static class Secp256k1
{
    /// <summary>The key in SEC1 form (33 bytes compressed or 65 uncompressed); null when the bytes are not a point.</summary>
    public static byte[]? ParsePublicKey(ReadOnlySpan<byte> sec1, bool compressed = true) =>
        TryParsePublicKey(sec1) is { } key ? key.ToBytes(compressed) : null;

    /// <summary>Verifies a signature (64-byte r ‖ s, or strict DER) over a 32-byte digest; false for anything malformed.</summary>
    public static bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> digest, ReadOnlySpan<byte> signature)
    {
        if (TryParsePublicKey(publicKey) is not { } key)
        {
            return false;
        }

        if (signature.Length == 64)
        {
            return Verify(key, digest, signature[..32], signature[32..]);
        }

        return DerSignature.TryParse(signature, out var r, out var s) && Verify(key, digest, r, s);
    }

    /// <summary>Signs a 32-byte digest deterministically (RFC 6979); returns r ‖ s, 64 bytes, low-S.</summary>
    public static byte[] Sign(ReadOnlySpan<byte> privateKey, ReadOnlySpan<byte> digest)
    {
        using var key = ECPrivKey.Create(privateKey);
        if (digest.Length != 32 || !key.TrySignECDSA(digest, out var signature))
        {
            throw new ArgumentException("A signature needs a 32-byte digest.", nameof(digest));
        }

        var result = new byte[64];
        signature!.WriteCompactToSpan(result);
        return result;
    }

    /// <summary>The DER encoding of a 64-byte r ‖ s signature (what <c>signECDSA</c> of @stacks/encryption writes).</summary>
    public static byte[] ToDer(ReadOnlySpan<byte> compactSignature) =>
        SecpECDSASignature.TryCreateFromCompact(compactSignature, out var signature)
            ? signature.ToDER()
            : throw new ArgumentException("Not a 64-byte r ‖ s signature.", nameof(compactSignature));

    /// <summary>The compressed public key of a 32-byte private key.</summary>
    public static byte[] PublicKeyOf(ReadOnlySpan<byte> privateKey)
    {
        using var key = ECPrivKey.Create(privateKey);
        return key.CreatePubKey().ToBytes(true);
    }

    /// <summary>A fresh random private key in [1, n-1].</summary>
    public static byte[] NewPrivateKey()
    {
        while (true)
        {
            var bytes = RandomNumberGenerator.GetBytes(32);
            if (IsPrivateKey(bytes))
            {
                return bytes;
            }
        }
    }

    /// <summary>True for 32 bytes that are an integer in [1, n-1].</summary>
    public static bool IsPrivateKey(ReadOnlySpan<byte> privateKey)
    {
        if (privateKey.Length != 32 || !ECPrivKey.TryCreate(privateKey, out var key))
        {
            return false;
        }

        key.Dispose();
        return true;
    }

    /// <summary>ECDH: the x coordinate (32 bytes) of privateKey × publicKey, as <c>getSharedSecret(…).slice(1)</c> gives it.</summary>
    public static byte[] SharedSecret(ReadOnlySpan<byte> privateKey, ReadOnlySpan<byte> publicKey)
    {
        var point = TryParsePublicKey(publicKey) ?? throw new ArgumentException("Not a secp256k1 public key.", nameof(publicKey));
        using var key = ECPrivKey.Create(privateKey);
        Span<byte> shared = stackalloc byte[33];
        point.GetSharedPubkey(key).WriteToSpan(true, shared, out _);
        return shared[1..].ToArray();
    }

    internal static ECPubKey? TryParsePublicKey(ReadOnlySpan<byte> sec1) =>
        ((sec1.Length == 33 && sec1[0] is 2 or 3) || (sec1.Length == 65 && sec1[0] == 4))
        && ECPubKey.TryCreate(sec1, Context.Instance, out _, out var key)
            ? key
            : null;

    /// <summary>Verifies (r, s), each big-endian and unsigned, over a 32-byte digest; high-S is normalized first.</summary>
    internal static bool Verify(ECPubKey key, ReadOnlySpan<byte> digest, ReadOnlySpan<byte> r, ReadOnlySpan<byte> s)
    {
        r = r.TrimStart((byte)0);
        s = s.TrimStart((byte)0);
        if (digest.Length != 32 || r.Length > 32 || s.Length > 32)
        {
            return false;
        }

        Span<byte> compact = stackalloc byte[64];
        compact.Clear();
        r.CopyTo(compact[(32 - r.Length)..32]);
        s.CopyTo(compact[(64 - s.Length)..]);
        if (!SecpECDSASignature.TryCreateFromCompact(compact, out var signature))
        {
            return false;
        }

        if (signature.TryNormalize(out var lowS))
        {
            signature = lowS;
        }

        return key.SigVerify(signature, digest);
    }
}
