using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Gaia.Protocol;

namespace Gaia.Client;

// putFile and getFile.
public sealed partial class GaiaHubClient
{
    /// <summary>
    /// <c>putFile</c>: stores <paramref name="content"/> at <paramref name="path"/>, encrypted unless
    /// <see cref="PutFileOptions.Encrypt"/> is false. Unencrypted, unsigned content is streamed as it is read.
    /// </summary>
    /// <remarks>The stream is read from its position to its end and left open: it stays the caller's to dispose.</remarks>
    /// <exception cref="GaiaHubException">The hub refused (e.g. 412 for a failed condition, 413 too large, 401 token).</exception>
    public async Task<PutFileResult> PutFileAsync(string path, Stream content, PutFileOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        options ??= new PutFileOptions();
        RequireKey();
        var limit = await GetMaxUploadBytesAsync(cancellationToken);
        if (!options.Encrypt && !options.Sign)
        {
            var length = options.ContentLength ?? (content.CanSeek ? content.Length - content.Position : null);
            CheckSize(length, limit);
            var body = new StreamContent(content, 81_920);
            body.Headers.ContentLength = length;
            return await StoreAsync(path, body, options.ContentType ?? "application/octet-stream", options, cancellationToken);
        }

        var bytes = await FileContent.ReadAllAsync(content, limit, path, HubUrl, cancellationToken);
        return await PutBytesAsync(path, bytes, options.WasString ?? false, options, cancellationToken);
    }

    /// <summary><c>putFile</c> with bytes (stored as binary; <c>wasString</c> false).</summary>
    public Task<PutFileResult> PutFileAsync(string path, byte[] content, PutFileOptions? options = null, CancellationToken cancellationToken = default) =>
        PutBytesAsync(path, content, options?.WasString ?? false, options ?? new PutFileOptions(), cancellationToken);

    /// <summary><c>putFile</c> with text (UTF-8; <c>wasString</c> true, content type <c>text/plain; charset=utf-8</c> unless given).</summary>
    public Task<PutFileResult> PutFileAsync(string path, string content, PutFileOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new PutFileOptions();
        return PutBytesAsync(path, Encoding.UTF8.GetBytes(content), options.WasString ?? true, options, cancellationToken);
    }

    /// <summary>
    /// <c>getFile</c>: reads a file through the hub's read URL, decrypting and verifying as <paramref name="options"/> say
    /// (default: decrypt). Dispose the result.
    /// </summary>
    /// <exception cref="GaiaHubException">The read endpoint answered with an error (404 when there is no such file).</exception>
    /// <exception cref="System.Security.Cryptography.CryptographicException">Decryption or signature verification failed.</exception>
    public async Task<GaiaFile> GetFileAsync(string path, GetFileOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new GetFileOptions();
        var bucket = options.Bucket ?? RequireKey().Address;
        var response = await OpenReadAsync(await GetFileUrlAsync(path, bucket, cancellationToken), cancellationToken);
        if (!options.Decrypt && !options.Verify)
        {
            return await FileContent.PlainAsync(response, cancellationToken);
        }

        using (response)
        {
            if (options.Decrypt)
            {
                return await FileContent.DecryptAsync(response, RequireKey(), options.Verify, path, cancellationToken);
            }

            using var signature = await OpenReadAsync(await GetFileUrlAsync(path + ".sig", bucket, cancellationToken), cancellationToken);
            return await FileContent.VerifyAsync(response, signature, bucket, path, cancellationToken);
        }
    }

    private async Task<PutFileResult> PutBytesAsync(string path, byte[] content, bool wasString, PutFileOptions options, CancellationToken cancellationToken)
    {
        var key = RequireKey();
        var limit = await GetMaxUploadBytesAsync(cancellationToken);
        if (options.Encrypt)
        {
            var envelope = Encoding.UTF8.GetBytes(GaiaEncryption.EncryptContent(options.EncryptionPublicKey ?? key.PublicKeyHex, content, wasString,
                options.CipherTextEncoding, options.Sign ? key : null));
            CheckSize(envelope.Length, limit);
            return await StoreAsync(path, new ByteArrayContent(envelope), "application/json", options, cancellationToken);
        }

        CheckSize(content.Length, limit);
        var type = options.ContentType ?? (wasString ? "text/plain; charset=utf-8" : "application/octet-stream");
        var stored = await StoreAsync(path, new ByteArrayContent(content), type, options, cancellationToken);
        if (options.Sign)
        {
            var signature = JsonSerializer.SerializeToUtf8Bytes(GaiaEncryption.SignECDSA(key, content), GaiaEncryption.TypeInfo<SignatureObject>());
            await StoreAsync(path + ".sig", new ByteArrayContent(signature), "application/json", new PutFileOptions(), cancellationToken);
        }

        return stored;
    }

    private async Task<PutFileResult> StoreAsync(string path, HttpContent content, string contentType, PutFileOptions options, CancellationToken cancellationToken)
    {
        using var request = await AuthorizedAsync(HttpMethod.Post, $"/store/{RequireKey().Address}/{GaiaPath.Encode(path)}", cancellationToken);
        request.Content = content;
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        if (options.IfMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", options.IfMatch);
        }

        if (options.IfNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", options.IfNoneMatch);
        }

        try
        {
            using var response = await HubHttp.SendAsync(http, request, Who, timeout: null, HttpCompletionOption.ResponseContentRead, cancellationToken);
            return await response.Content.ReadFromJsonAsync(ClientJson.Default.PutFileResult, cancellationToken) ?? new PutFileResult(null, null);
        }
        finally
        {
            request.Content = null;
        }
    }
}
