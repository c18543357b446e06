using Gaia.Hub.Hub;
using Microsoft.AspNetCore.Http;

namespace Gaia.Hub.Http;

/// <summary>
/// A request body whose read failures are the client's: a malformed body (Kestrel reports a chunk size of 2^31 or more
/// as a plain <see cref="IOException"/>) becomes a 400 <see cref="BadHttpRequestException"/>, so it is never mistaken
/// for a storage failure. Failures after the client went away pass through unchanged (nothing is answered then).
/// </summary>
internal sealed class ClientBodyStream(Stream inner, CancellationToken clientGone) : ForwardReadStream
{
    public override int Read(byte[] buffer, int offset, int count)
    {
        try
        {
            return inner.Read(buffer, offset, count);
        }
        catch (IOException e) when (IsMalformedBody(e))
        {
            throw Malformed(e);
        }
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            return await inner.ReadAsync(buffer, cancellationToken);
        }
        catch (IOException e) when (IsMalformedBody(e))
        {
            throw Malformed(e);
        }
    }

    private bool IsMalformedBody(IOException e) => e is not BadHttpRequestException && !clientGone.IsCancellationRequested;

    private static BadHttpRequestException Malformed(IOException e) =>
        new($"The request body is malformed: {e.Message}", StatusCodes.Status400BadRequest, e);
}
