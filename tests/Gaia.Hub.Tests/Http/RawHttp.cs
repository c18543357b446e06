using System.Net.Sockets;
using System.Text;

namespace Gaia.Hub.Tests.Http;

/// <summary>
/// HTTP/1.1 written by hand over a TCP socket to a loopback hub, for what HttpClient cannot send: request targets
/// with dot segments or malformed escapes kept as they are, and bodies cut off in the middle.
/// </summary>
internal static class RawHttp
{
    /// <summary>Sends one request with <c>Connection: close</c> and reads the whole response.</summary>
    public static async Task<RawResponse> SendAsync(
        Uri server, string method, string target, IReadOnlyDictionary<string, string>? headers = null, byte[]? body = null)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port, cancellationToken);
        var stream = tcp.GetStream();
        body ??= [];
        await stream.WriteAsync(Head(server, method, target, headers, body.Length), cancellationToken);
        await stream.WriteAsync(body, cancellationToken);
        using var received = new MemoryStream();
        await stream.CopyToAsync(received, cancellationToken);
        return RawResponse.Parse(received.ToArray());
    }

    /// <summary>
    /// Sends <paramref name="request"/> exactly as given (it should ask for <c>Connection: close</c>) and reads one whole
    /// response, without waiting for the server to close when the response says where it ends.
    /// </summary>
    public static async Task<RawResponse> SendBytesAsync(Uri server, byte[] request, bool headRequest = false)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port, cancellationToken);
        var stream = tcp.GetStream();
        await stream.WriteAsync(request, cancellationToken);
        using var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while (!RawResponse.IsComplete(received.GetBuffer().AsSpan(0, (int)received.Length), headRequest)
                && (read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
            {
                received.Write(buffer, 0, read);
            }
        }
        catch (IOException) when (RawResponse.IsComplete(received.GetBuffer().AsSpan(0, (int)received.Length), headRequest))
        {
            // The server reset the connection after a whole response: it gave up on a body it did not want.
        }

        return RawResponse.Parse(received.ToArray(), headRequest);
    }

    /// <summary>
    /// Declares <paramref name="declaredLength"/> body bytes but sends only <paramref name="partialBody"/>, and returns
    /// the open connection. Disposing it closes the socket: a client that goes away mid-upload.
    /// </summary>
    public static async Task<TcpClient> SendPartialAsync(
        Uri server, string method, string target, IReadOnlyDictionary<string, string> headers, long declaredLength, byte[] partialBody)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port, cancellationToken);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Head(server, method, target, headers, declaredLength), cancellationToken);
        await stream.WriteAsync(partialBody, cancellationToken);
        await stream.FlushAsync(cancellationToken);
        return tcp;
    }

    private static byte[] Head(Uri server, string method, string target, IReadOnlyDictionary<string, string>? headers, long length)
    {
        var head = new StringBuilder();
        head.Append($"{method} {target} HTTP/1.1\r\nHost: {server.Authority}\r\nConnection: close\r\n");
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            head.Append($"{name}: {value}\r\n");
        }

        head.Append($"Content-Length: {length}\r\n\r\n");
        return Encoding.ASCII.GetBytes(head.ToString());
    }
}
