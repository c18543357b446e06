using System.Net;

namespace Gaia.Hub.Tests.Http;

/// <summary>
/// A request body of unknown length (sent chunked). With <paramref name="release"/> it sends the first half, then
/// waits for the task before sending the rest, which keeps an upload in flight for as long as a test needs.
/// </summary>
internal sealed class StreamingContent(byte[] bytes, Task? release = null) : HttpContent
{
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        var half = release is null ? bytes.Length : bytes.Length / 2;
        await stream.WriteAsync(bytes.AsMemory(0, half));
        await stream.FlushAsync();
        if (release is not null)
        {
            await release;
        }

        await stream.WriteAsync(bytes.AsMemory(half));
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
