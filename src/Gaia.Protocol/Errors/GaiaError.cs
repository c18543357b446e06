namespace Gaia.Protocol;

/// <summary>Every client-visible failure of the hub. The name is the <c>error</c> field of the JSON body.</summary>
public enum GaiaError
{
    InvalidInputError,
    ValidationError,
    AuthTokenTimestampValidationError,
    NotEnoughProofError,
    BadPathError,
    DoesNotExist,
    NotFound,
    ConflictError,
    PreconditionFailedError,
    PayloadTooLargeError,
    RangeNotSatisfiable,

    /// <summary>414: the request target is longer than the hub reads.</summary>
    UriTooLongError,

    /// <summary>429: the bucket's write rate limit; the answer says when to retry.</summary>
    TooManyRequestsError,

    /// <summary>431: the request headers are larger than the hub reads.</summary>
    HeadersTooLargeError,

    /// <summary>503: the hub cannot serve the request now (out of file handles); the answer says when to retry.</summary>
    ServiceUnavailableError,

    /// <summary>507: the storage is full; nothing was changed.</summary>
    InsufficientStorageError,
}
