using System.Security.Cryptography;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.EC;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;
using ECPoint = Org.BouncyCastle.Math.EC.ECPoint;

namespace Gaia.Protocol;

/// <summary>secp256k1 primitives on BouncyCastle's fast custom curve: SEC1 keys, ECDSA over SHA-256.</summary>
public static class Secp256k1
{
    private static readonly X9ECParameters Parameters = CustomNamedCurves.GetByName("secp256k1");
    private static readonly ECDomainParameters Domain =
        new(Parameters.Curve, Parameters.G, Parameters.N, Parameters.H);

    /// <summary>Parses a 33-byte compressed or 65-byte uncompressed SEC1 public key; null when it is not a point.</summary>
    public static ECPoint? TryParsePublicKey(ReadOnlySpan<byte> sec1)
    {
        if (!(sec1.Length == 33 && sec1[0] is 2 or 3) && !(sec1.Length == 65 && sec1[0] == 4))
        {
            return null;
        }

        try
        {
            var point = Parameters.Curve.DecodePoint(sec1.ToArray());
            return point.IsValid() && !point.IsInfinity ? point : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    public static byte[] Compress(ECPoint point) => point.GetEncoded(compressed: true);

    /// <summary>Verifies (r, s) over a 32-byte digest. High-S signatures are accepted, as the real clients need.</summary>
    public static bool Verify(ECPoint publicKey, ReadOnlySpan<byte> digest, ReadOnlySpan<byte> r, ReadOnlySpan<byte> s)
    {
        var signer = new ECDsaSigner();
        signer.Init(false, new ECPublicKeyParameters(publicKey, Domain));
        return signer.VerifySignature(digest.ToArray(), new BigInteger(1, r.ToArray()), new BigInteger(1, s.ToArray()));
    }

    /// <summary>Signs a 32-byte digest deterministically (RFC 6979); returns r ‖ s, 64 bytes, low-S.</summary>
    public static byte[] Sign(ReadOnlySpan<byte> privateKey, ReadOnlySpan<byte> digest)
    {
        var signer = new ECDsaSigner(new HMacDsaKCalculator(new Sha256Digest()));
        signer.Init(true, new ECPrivateKeyParameters(new BigInteger(1, privateKey.ToArray()), Domain));
        var rs = signer.GenerateSignature(digest.ToArray());
        var s = rs[1];
        if (s.CompareTo(Parameters.N.ShiftRight(1)) > 0)
        {
            s = Parameters.N.Subtract(s);
        }

        var result = new byte[64];
        rs[0].ToByteArrayUnsigned().CopyTo(result.AsSpan(32 - rs[0].ToByteArrayUnsigned().Length));
        s.ToByteArrayUnsigned().CopyTo(result.AsSpan(64 - s.ToByteArrayUnsigned().Length));
        return result;
    }

    /// <summary>The compressed public key of a 32-byte private key.</summary>
    public static byte[] PublicKeyOf(ReadOnlySpan<byte> privateKey) =>
        Parameters.G.Multiply(new BigInteger(1, privateKey.ToArray())).Normalize().GetEncoded(compressed: true);

    /// <summary>A fresh random private key in [1, n-1].</summary>
    public static byte[] NewPrivateKey()
    {
        while (true)
        {
            var key = RandomNumberGenerator.GetBytes(32);
            var d = new BigInteger(1, key);
            if (d.SignValue > 0 && d.CompareTo(Parameters.N) < 0)
            {
                return key;
            }
        }
    }

    internal static byte[] Ripemd160(ReadOnlySpan<byte> data)
    {
        var digest = new RipeMD160Digest();
        var output = new byte[20];
        digest.BlockUpdate(data);
        digest.DoFinal(output);
        return output;
    }
}
