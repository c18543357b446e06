using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Gaia.Hub.Tests.Http;

/// <summary>A response read off the socket by <see cref="RawHttp"/>: status, headers and the de-chunked body.</summary>
internal sealed record RawResponse(int Status, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public JsonElement Json()
    {
        Assert.Equal("application/json", Headers.GetValueOrDefault("Content-Type"));
        using var document = JsonDocument.Parse(Body);
        return document.RootElement.Clone();
    }

    /// <summary>True once <paramref name="bytes"/> hold a whole response head and as much body as it announces.</summary>
    /// <param name="headRequest">The response answers a HEAD request, so it has no body whatever its head says.</param>
    public static bool IsComplete(ReadOnlySpan<byte> bytes, bool headRequest = false)
    {
        var end = bytes.IndexOf("\r\n\r\n"u8);
        if (end < 0)
        {
            return false;
        }

        var head = Encoding.ASCII.GetString(bytes[..end]).ToUpperInvariant();
        if (headRequest || head.StartsWith("HTTP/1.1 204", StringComparison.Ordinal) || head.StartsWith("HTTP/1.1 304", StringComparison.Ordinal))
        {
            return true;
        }

        var body = bytes[(end + 4)..];
        if (head.Contains("\r\nTRANSFER-ENCODING: CHUNKED", StringComparison.Ordinal))
        {
            return body.EndsWith("0\r\n\r\n"u8);
        }

        var length = head.IndexOf("\r\nCONTENT-LENGTH:", StringComparison.Ordinal);
        return length >= 0 && body.Length >= int.Parse(head[(length + 17)..].Split('\r')[0].Trim(), CultureInfo.InvariantCulture);
    }

    public static RawResponse Parse(byte[] bytes, bool headRequest = false)
    {
        var end = bytes.AsSpan().IndexOf("\r\n\r\n"u8);
        Assert.True(end > 0, "the response has no complete head");
        var lines = Encoding.ASCII.GetString(bytes, 0, end).Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1], CultureInfo.InvariantCulture);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var (name, value) = (line[..colon], line[(colon + 1)..].Trim());
            headers[name] = headers.TryGetValue(name, out var earlier) ? earlier + ", " + value : value;
        }

        var body = headRequest ? [] : bytes[(end + 4)..];
        var chunked = headers.GetValueOrDefault("Transfer-Encoding")?.Contains("chunked", StringComparison.OrdinalIgnoreCase) == true;
        return new RawResponse(status, headers, chunked ? Dechunk(body) : body);
    }

    private static byte[] Dechunk(byte[] chunked)
    {
        using var body = new MemoryStream();
        var position = 0;
        while (true)
        {
            var lineEnd = chunked.AsSpan(position).IndexOf("\r\n"u8) + position;
            var sizeText = Encoding.ASCII.GetString(chunked, position, lineEnd - position).Split(';')[0];
            var size = int.Parse(sizeText, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (size == 0)
            {
                return body.ToArray();
            }

            body.Write(chunked, lineEnd + 2, size);
            position = lineEnd + 2 + size + 2;
        }
    }
}
