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
}
