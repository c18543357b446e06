using Microsoft.AspNetCore.Http;

namespace Gaia.Hub.Errors;

/// <summary>The one place where failures become HTTP status codes and JSON bodies, for every host.</summary>
public static class GaiaErrorMapping
{
    public static int StatusCodeOf(GaiaError error) => error switch
    {
        GaiaError.InvalidInputError => StatusCodes.Status400BadRequest,
        GaiaError.ValidationError or GaiaError.AuthTokenTimestampValidationError => StatusCodes.Status401Unauthorized,
        GaiaError.NotEnoughProofError => StatusCodes.Status402PaymentRequired,
        GaiaError.BadPathError => StatusCodes.Status403Forbidden,
        GaiaError.DoesNotExist or GaiaError.NotFound => StatusCodes.Status404NotFound,
        GaiaError.ConflictError => StatusCodes.Status409Conflict,
        GaiaError.PreconditionFailedError => StatusCodes.Status412PreconditionFailed,
        GaiaError.PayloadTooLargeError => StatusCodes.Status413PayloadTooLarge,
        GaiaError.RangeNotSatisfiable => StatusCodes.Status416RangeNotSatisfiable,
        GaiaError.UriTooLongError => StatusCodes.Status414UriTooLong,
        GaiaError.TooManyRequestsError => StatusCodes.Status429TooManyRequests,
        GaiaError.HeadersTooLargeError => StatusCodes.Status431RequestHeaderFieldsTooLarge,
        GaiaError.ServiceUnavailableError => StatusCodes.Status503ServiceUnavailable,
        GaiaError.InsufficientStorageError => StatusCodes.Status507InsufficientStorage,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>Maps any exception to a status and body; null when the client went away and nothing should be written.</summary>
    public static (int Status, ErrorBody Body)? Map(Exception exception, bool clientAborted) => exception switch
    {
        GaiaException gaia => (StatusCodeOf(gaia.Error), new ErrorBody(gaia.Message, gaia.Error.ToString(), gaia.CurrentETag)),
        BadHttpRequestException bad when bad.StatusCode == StatusCodes.Status413PayloadTooLarge =>
            (bad.StatusCode, new ErrorBody(bad.Message, nameof(GaiaError.PayloadTooLargeError))),
        BadHttpRequestException bad => (bad.StatusCode, new ErrorBody(bad.Message, nameof(GaiaError.InvalidInputError))),
        OperationCanceledException or IOException when clientAborted => null,
        PathTooLongException => Map(GaiaException.BadPath("Invalid path: it is too long for the storage."), false),
        IOException io when IoErrors.IsStorageFull(io) => Map(StorageFull(), false),
        IOException io when IoErrors.IsOutOfHandles(io) => Map(OutOfHandles(), false),
        _ => (StatusCodes.Status500InternalServerError, new ErrorBody("Server Error", "ServerError")),
    };

    /// <summary>Seconds after which a client may try again, for the answers that say so (429, 503).</summary>
    public static int? RetryAfterSecondsOf(Exception exception) => exception switch
    {
        GaiaException { RetryAfter: { } wait } => (int)Math.Ceiling(Math.Max(1, wait.TotalSeconds)),
        IOException io when IoErrors.IsOutOfHandles(io) => 1,
        _ => null,
    };

    private static GaiaException StorageFull() =>
        new(GaiaError.InsufficientStorageError, "The hub's storage is full; the file was not changed.");

    private static GaiaException OutOfHandles() =>
        new(GaiaError.ServiceUnavailableError, "The hub is too busy to open more files; try again shortly.", retryAfter: TimeSpan.FromSeconds(1));
}
