namespace Gaia.Protocol;

/// <summary>A protocol outcome other than success; the hub's GaiaErrorMapping turns it into HTTP.</summary>
public sealed class GaiaException(GaiaError error, string message, string? currentETag = null, TimeSpan? retryAfter = null)
    : Exception(message)
{
    public GaiaError Error { get; } = error;

    /// <summary>On 429 and 503: how long the client should wait before trying again (the Retry-After header).</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <summary>On a failed precondition: the ETag of the file as it is now, if it exists.</summary>
    public string? CurrentETag { get; } = currentETag;

    public static GaiaException Validation(string message) => new(GaiaError.ValidationError, message);

    public static GaiaException BadPath(string message) => new(GaiaError.BadPathError, message);

    public static GaiaException InvalidInput(string message) => new(GaiaError.InvalidInputError, message);

    public static GaiaException Conflict(string message) => new(GaiaError.ConflictError, message);

    public static GaiaException PreconditionFailed(string message, string? currentETag) =>
        new(GaiaError.PreconditionFailedError, message, currentETag);

    public static GaiaException PayloadTooLarge(long limitBytes) =>
        new(GaiaError.PayloadTooLargeError, $"Upload exceeds the limit of {limitBytes} bytes.");
}
