using System.Text;

namespace Gaia.Hub.Tests.Fuzz;

/// <summary>One generated request, sent as raw HTTP/1.1 bytes.</summary>
/// <param name="ChunkSize">
/// When set, the body is sent chunked with this as its one chunk's size line (right or wrong), then the last chunk.
/// </param>
internal sealed record FuzzRequest(string Method, string Target, IReadOnlyList<(string Name, string Value)> Headers, byte[] Body, string? ChunkSize)
{
    public byte[] ToBytes(string authority)
    {
        var head = new StringBuilder($"{Method} {Target} HTTP/1.1\r\nHost: {authority}\r\nConnection: close\r\n");
        foreach (var (name, value) in Headers)
        {
            head.Append($"{name}: {value}\r\n");
        }

        if (ChunkSize is null)
        {
            head.Append($"Content-Length: {Body.Length}\r\n\r\n");
            return [.. Encoding.ASCII.GetBytes(head.ToString()), .. Body];
        }

        head.Append($"Transfer-Encoding: chunked\r\n\r\n{ChunkSize}\r\n");
        return [.. Encoding.ASCII.GetBytes(head.ToString()), .. Body, .. "\r\n0\r\n\r\n"u8];
    }

    public override string ToString() =>
        $"{Method} {Target} [{string.Join("; ", Headers.Select(h => $"{h.Name}: {(h.Value.Length > 120 ? h.Value[..120] + "…" : h.Value)}"))}] " +
        $"body {Body.Length} B{(ChunkSize is null ? "" : $", chunked '{ChunkSize}'")}";
}
