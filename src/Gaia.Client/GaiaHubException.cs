using System.Net;

namespace Gaia.Client;

/// <summary>
/// A hub or read endpoint answered with an error. <see cref="Status"/> is the HTTP status; <see cref="ErrorCode"/> and
/// <see cref="HubMessage"/> are the <c>error</c> and <c>message</c> of the hub's JSON body (e.g. <c>ValidationError</c>
/// for a refused token, <c>PreconditionFailedError</c> for a failed <c>If-Match</c>).
/// </summary>
public sealed class GaiaHubException : Exception
{
    /// <summary>Creates the exception; <paramref name="message"/> is the whole one-line description.</summary>
    public GaiaHubException(string message, HttpStatusCode status, string? errorCode = null, string? hubMessage = null, string? etag = null)
        : base(message)
    {
        Status = status;
        ErrorCode = errorCode;
        HubMessage = hubMessage;
        ETag = etag;
    }

    /// <summary>Creates the exception with a message only (status 0).</summary>
    public GaiaHubException(string message)
        : this(message, 0)
    {
    }

    /// <summary>Creates the exception with a message and its cause (status 0).</summary>
    public GaiaHubException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with no message (status 0).</summary>
    public GaiaHubException()
    {
    }

    /// <summary>The HTTP status of the answer.</summary>
    public HttpStatusCode Status { get; }

    /// <summary>The hub's <c>error</c> (the name of the failure), when it sent one.</summary>
    public string? ErrorCode { get; }

    /// <summary>The hub's <c>message</c>, when it sent one.</summary>
    public string? HubMessage { get; }

    /// <summary>On a 412: the current ETag of the file, when the hub sent it.</summary>
    public string? ETag { get; }
}
