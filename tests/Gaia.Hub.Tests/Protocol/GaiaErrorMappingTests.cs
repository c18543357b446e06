using Gaia.Hub.Errors;
using Microsoft.AspNetCore.Http;

namespace Gaia.Hub.Tests.Protocol;

/// <summary>The one mapping from failures to HTTP statuses and <c>{message, error}</c> bodies (spec 1.2, 1.3).</summary>
public sealed class GaiaErrorMappingTests
{
    [Theory]
    [InlineData(GaiaError.InvalidInputError, 400)]
    [InlineData(GaiaError.ValidationError, 401)]
    [InlineData(GaiaError.AuthTokenTimestampValidationError, 401)]
    [InlineData(GaiaError.NotEnoughProofError, 402)]
    [InlineData(GaiaError.BadPathError, 403)]
    [InlineData(GaiaError.DoesNotExist, 404)]
    [InlineData(GaiaError.NotFound, 404)]
    [InlineData(GaiaError.ConflictError, 409)]
    [InlineData(GaiaError.PreconditionFailedError, 412)]
    [InlineData(GaiaError.PayloadTooLargeError, 413)]
    [InlineData(GaiaError.RangeNotSatisfiable, 416)]
    public void EveryErrorHasItsStatus(GaiaError error, int status) => Assert.Equal(status, GaiaErrorMapping.StatusCodeOf(error));

    [Fact]
    public void AGaiaExceptionBecomesItsStatusAndNamedError()
    {
        var mapped = GaiaErrorMapping.Map(GaiaException.Validation("nope"), clientAborted: false);

        Assert.Equal((401, new ErrorBody("nope", "ValidationError")), mapped);
    }

    [Fact]
    public void APreconditionFailureCarriesTheCurrentETag()
    {
        var mapped = GaiaErrorMapping.Map(GaiaException.PreconditionFailed("changed", "abc"), clientAborted: false);

        Assert.Equal((412, new ErrorBody("changed", "PreconditionFailedError", "abc")), mapped);
    }

    [Fact]
    public void AnOversizeRequestFromTheServerIsAPayloadTooLargeError()
    {
        var mapped = GaiaErrorMapping.Map(new BadHttpRequestException("too big", 413), clientAborted: false);

        Assert.Equal(413, mapped!.Value.Status);
        Assert.Equal("PayloadTooLargeError", mapped.Value.Body.Error);
    }

    [Fact]
    public void AnotherBadRequestIsInvalidInput()
    {
        var mapped = GaiaErrorMapping.Map(new BadHttpRequestException("bad", 400), clientAborted: false);

        Assert.Equal((400, new ErrorBody("bad", "InvalidInputError")), mapped);
    }

    [Fact]
    public void AnUnknownFailureIsAServerErrorWithoutDetails()
    {
        var mapped = GaiaErrorMapping.Map(new InvalidOperationException("secret detail"), clientAborted: false);

        Assert.Equal((500, new ErrorBody("Server Error", "ServerError")), mapped);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ACancelledRequestIsSilentOnlyWhenTheClientWentAway(bool clientAborted)
    {
        var mapped = GaiaErrorMapping.Map(new OperationCanceledException(), clientAborted);

        int? expected = clientAborted ? null : 500;
        Assert.Equal(expected, mapped?.Status);
    }

    [Fact]
    public void AnIoFailureOfAnAbortedClientIsSilent() =>
        Assert.Null(GaiaErrorMapping.Map(new IOException("reset"), clientAborted: true));
}
