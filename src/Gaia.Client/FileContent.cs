using System.Net;
using System.Security.Cryptography;
using System.Text;
using Gaia.Protocol;

namespace Gaia.Client;

/// <summary>Turns read answers into <see cref="GaiaFile"/>s: as stored, decrypted (and verified), or verified against a <c>.sig</c> file.</summary>
internal static class FileContent
{
    /// <summary>Reads a whole upload into memory, refusing more than <paramref name="limit"/> bytes.</summary>
    public static async Task<byte[]> ReadAllAsync(Stream content, long limit, string path, string hubUrl, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw new GaiaHubException($"{path} is over {limit} bytes, the most hub {hubUrl} accepts per file",
                    HttpStatusCode.RequestEntityTooLarge, "PayloadTooLargeError");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>The answer's body as a stream; the file owns the answer.</summary>
    public static async Task<GaiaFile> PlainAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var type = response.Content.Headers.ContentType?.ToString();
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        return new GaiaFile(stream, type, ETagOf(response), type?.StartsWith("text", StringComparison.OrdinalIgnoreCase) == true,
            response.Content.Headers.ContentLength, response);
    }

    /// <summary>
    /// <c>getFile</c> with <c>decrypt</c>: a signed envelope must be signed by <paramref name="key"/>'s bucket when
    /// <paramref name="verify"/> is set (as @stacks/storage checks); without it, the inner envelope is decrypted unchecked.
    /// </summary>
    public static async Task<GaiaFile> DecryptAsync(HttpResponseMessage response, BucketKey key, bool verify, string path, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var envelope = text;
        if (verify || IsSigned(text))
        {
            var signed = GaiaEncryption.Parse(text, GaiaEncryption.TypeInfo<SignedCipherObject>(), "a signed, encrypted envelope");
            if (signed.Signature is null || signed.PublicKey is null || signed.CipherText is null)
            {
                throw new CryptographicException($"{path} has no signature, publicKey or cipherText: it was not stored signed");
            }

            if (verify)
            {
                CheckSigner(signed.PublicKey, key.Address, path);
                if (!GaiaEncryption.VerifyECDSA(Encoding.UTF8.GetBytes(signed.CipherText), signed.PublicKey, signed.Signature))
                {
                    throw new CryptographicException($"The content of {path} does not match its ECDSA signature.");
                }
            }

            envelope = signed.CipherText;
        }

        var (content, wasString) = GaiaEncryption.DecryptContent(key, envelope);
        return new GaiaFile(new MemoryStream(content, writable: false), response.Content.Headers.ContentType?.ToString(), ETagOf(response),
            wasString, content.Length);
    }

    /// <summary><c>getFile</c> with <c>verify</c> only: the file's bytes must match the <c>{path}.sig</c> of the bucket's own key.</summary>
    public static async Task<GaiaFile> VerifyAsync(HttpResponseMessage response, HttpResponseMessage signatureResponse, string bucket, string path,
        CancellationToken cancellationToken)
    {
        var content = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var signature = GaiaEncryption.Parse(await signatureResponse.Content.ReadAsStringAsync(cancellationToken),
            GaiaEncryption.TypeInfo<SignatureObject>(), $"a signature ({path}.sig)");
        if (signature.Signature is null || signature.PublicKey is null)
        {
            throw new CryptographicException($"{path}.sig has no signature or publicKey.");
        }

        CheckSigner(signature.PublicKey, bucket, path);
        if (!GaiaEncryption.VerifyECDSA(content, signature.PublicKey, signature.Signature))
        {
            throw new CryptographicException($"The content of {path} does not match the ECDSA signature in {path}.sig.");
        }

        var type = response.Content.Headers.ContentType?.ToString();
        return new GaiaFile(new MemoryStream(content, writable: false), type, ETagOf(response),
            type?.StartsWith("text", StringComparison.OrdinalIgnoreCase) == true, content.Length);
    }

    /// <summary>The ETag as hubs print it in store answers: no weak marker, no quotes.</summary>
    private static string? ETagOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("ETag", out var tags) && tags.FirstOrDefault() is { } tag
            ? (tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag).Trim('"')
            : null;

    /// <summary>A JSON object with <c>signature</c> and no <c>ephemeralPK</c>: a signed envelope rather than a plain one.</summary>
    private static bool IsSigned(string text)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(text);
            var root = document.RootElement;
            return root.ValueKind == System.Text.Json.JsonValueKind.Object
                && root.TryGetProperty("signature", out _) && !root.TryGetProperty("ephemeralPK", out _);
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    private static void CheckSigner(string publicKeyHex, string address, string path)
    {
        var signer = Convert.FromHexString(publicKeyHex.Length % 2 == 0 && publicKeyHex.All(char.IsAsciiHexDigit) ? publicKeyHex : "");
        var signerAddress = signer.Length > 0 ? BitcoinAddress.FromCompressedKey(signer) : "(not a key)";
        if (signerAddress != address)
        {
            throw new CryptographicException($"{path} is signed by {signerAddress}, not by the owner of bucket {address}.");
        }
    }
}
