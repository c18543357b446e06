using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Gaia.Hub.Tests.Authentication;

/// <summary>Hand-made v1 tokens whose header and payload text the test controls byte for byte.</summary>
internal static class RawTokens
{
    public const string Header = "{\"typ\":\"JWT\",\"alg\":\"ES256K\"}";

    /// <summary><c>bearer v1:</c> + a token over exactly these encoded segments, signed by <paramref name="privateKeyHex"/>.</summary>
    public static string SignSegments(string privateKeyHex, string headerSegment, string payloadSegment)
    {
        var signed = headerSegment + "." + payloadSegment;
        var signature = BucketKey.Parse(privateKeyHex).Sign(SHA256.HashData(Encoding.ASCII.GetBytes(signed)));
        return "bearer v1:" + signed + "." + Base64Url.EncodeToString(signature);
    }

    public static string Sign(string privateKeyHex, string payloadJson) =>
        SignSegments(privateKeyHex, Encode(Header), Encode(payloadJson));

    public static string Encode(string text) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));

    /// <summary>The token of <paramref name="bearer"/> with its signature segment replaced.</summary>
    public static string WithSignature(string bearer, ReadOnlySpan<byte> signature) =>
        bearer[..(bearer.LastIndexOf('.') + 1)] + Base64Url.EncodeToString(signature);

    public static byte[] SignatureOf(string bearer) => Base64Url.DecodeFromChars(bearer.AsSpan(bearer.LastIndexOf('.') + 1));
}
