namespace Gaia.Protocol;

/// <summary>Strict DER (BIP-66) ECDSA signatures, as legacy tokens carry them.</summary>
internal static class DerSignature
{
    /// <summary>Splits a strict-DER signature into its unsigned big-endian r and s; false when not strict DER.</summary>
    public static bool TryParse(ReadOnlySpan<byte> sig, out byte[] r, out byte[] s)
    {
        r = s = [];
        if (sig.Length < 8 || sig.Length > 72 || sig[0] != 0x30 || sig[1] != sig.Length - 2 || sig[2] != 0x02)
        {
            return false;
        }

        int lenR = sig[3];
        if (lenR == 0 || 5 + lenR >= sig.Length || sig[4 + lenR] != 0x02)
        {
            return false;
        }

        int lenS = sig[5 + lenR];
        if (lenS == 0 || lenR + lenS + 6 != sig.Length)
        {
            return false;
        }

        var rBytes = sig.Slice(4, lenR);
        var sBytes = sig.Slice(6 + lenR, lenS);
        if (!IsCanonicalInteger(rBytes) || !IsCanonicalInteger(sBytes))
        {
            return false;
        }

        r = rBytes.ToArray();
        s = sBytes.ToArray();
        return true;
    }

    private static bool IsCanonicalInteger(ReadOnlySpan<byte> value) =>
        (value[0] & 0x80) == 0 && !(value.Length > 1 && value[0] == 0 && (value[1] & 0x80) == 0);
}
