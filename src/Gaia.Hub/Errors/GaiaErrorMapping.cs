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
        _ => (StatusCodes.Status500InternalServerError, new ErrorBody("Server Error", "ServerError")),
    };
}
