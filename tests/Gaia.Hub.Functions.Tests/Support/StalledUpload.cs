using System.Net;

namespace Gaia.Hub.Functions.Tests.Support;

/// <summary>
/// A request body that sends <see cref="Sent"/> bytes and then stalls until <see cref="Release"/> (or a minute passes)
/// before sending the rest. What happens meanwhile shows whether every hop streams the body or buffers it whole.
/// </summary>
internal sealed class StalledUpload(long sent, long total) : HttpContent
{
    private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public long Sent { get; } = sent;

    public void Release() => released.TrySetResult();

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        var chunk = new byte[64 * 1024];
        for (var written = 0L; written < total; written += chunk.Length)
        {
            if (written == Sent)
            {
                await released.Task.WaitAsync(TimeSpan.FromMinutes(1));
            }

            await stream.WriteAsync(chunk);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = total;
        return true;
    }
}
