using System.Text.Json;
using Gaia.Hub.Errors;
using Gaia.Hub.Hub;
using Gaia.Hub.Http;

namespace Gaia.Hub.Tests.Protocol;

/// <summary>The revoke-all and list-files bodies (spec 4 step 2, spec 7).</summary>
public sealed class JsonBodyTests
{
    private static JsonElement Body(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    [Theory]
    [InlineData("{\"oldestValidTimestamp\":1600000000}", 1_600_000_000L)]
    [InlineData("{\"oldestValidTimestamp\":\"1600000000\"}", 1_600_000_000L)]
    [InlineData("{\"oldestValidTimestamp\":\"123abc\"}", 123L)]
    [InlineData("{\"oldestValidTimestamp\":\" 42\"}", 42L)]
    [InlineData("{\"oldestValidTimestamp\":\"+42\"}", 42L)]
    [InlineData("{\"oldestValidTimestamp\":\"1e3\"}", 1L)]
    [InlineData("{\"oldestValidTimestamp\":1e3}", 1000L)]
    [InlineData("{\"oldestValidTimestamp\":1600000000.9}", 1_600_000_000L)]
    [InlineData("{\"oldestValidTimestamp\":1}", 1L)]
    [InlineData("{\"oldestValidTimestamp\":\"00017\"}", 17L)]
    public void TheTimestampIsReadLikeParseInt(string json, long expected) =>
        Assert.Equal(expected, JsonBody.ToOldestValidTimestamp(Body(json)));

    [Theory]
    [InlineData("{\"oldestValidTimestamp\":2147483648}", 2_147_483_648L)]
    [InlineData("{\"oldestValidTimestamp\":4102444800}", 4_102_444_800L)]
    [InlineData("{\"oldestValidTimestamp\":\"4294967297\"}", 4_294_967_297L)]
    [InlineData("{\"oldestValidTimestamp\":253402300799}", JsonBody.MaxTimestamp)]
    public void TimestampsBeyond32BitsAreKeptExactly(string json, long expected) =>
        Assert.Equal(expected, JsonBody.ToOldestValidTimestamp(Body(json)));

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"wrongField\":1234}")]
    [InlineData("{\"oldestValidTimestamp\":0}")]
    [InlineData("{\"oldestValidTimestamp\":\"\"}")]
    [InlineData("{\"oldestValidTimestamp\":null}")]
    [InlineData("{\"oldestValidTimestamp\":false}")]
    [InlineData("{\"oldestValidTimestamp\":true}")]
    [InlineData("{\"oldestValidTimestamp\":\"NaN\"}")]
    [InlineData("{\"oldestValidTimestamp\":\"abc\"}")]
    [InlineData("{\"oldestValidTimestamp\":-4343343}")]
    [InlineData("{\"oldestValidTimestamp\":\"-5\"}")]
    [InlineData("{\"oldestValidTimestamp\":253402300800}")]
    [InlineData("{\"oldestValidTimestamp\":\"99999999999999999999\"}")]
    [InlineData("{\"oldestValidTimestamp\":[1]}")]
    [InlineData("{\"oldestValidTimestamp\":{}}")]
    public void AMissingFalsyOrOutOfRangeTimestampIsInvalidInput(string json) =>
        Assert.Equal(GaiaError.InvalidInputError,
            Assert.Throws<GaiaException>(() => JsonBody.ToOldestValidTimestamp(Body(json))).Error);

    [Fact]
    public void NoBodyIsInvalidInputForRevokeAll() =>
        Assert.Equal(GaiaError.InvalidInputError, Assert.Throws<GaiaException>(() => JsonBody.ToOldestValidTimestamp(null)).Error);

    [Fact]
    public void NoBodyListsTheFirstPageOfNames() =>
        Assert.Equal(new ListFilesRequest(null, false, null), JsonBody.ToListRequest(null));

    [Theory]
    [InlineData("{}", null)]
    [InlineData("{\"page\":null}", null)]
    [InlineData("{\"page\":\"\"}", null)]
    [InlineData("{\"page\":false}", null)]
    [InlineData("{\"page\":\"abc\"}", "abc")]
    [InlineData("{\"page\":\"2\"}", "2")]
    [InlineData("{\"page\":2}", "2")]
    [InlineData("{\"page\":0}", null)]
    public void ThePageTokenIsAStringOrNothing(string json, string? expected) =>
        Assert.Equal(expected, JsonBody.ToListRequest(Body(json)).Page);

    [Theory]
    [InlineData("{\"page\":{}}")]
    [InlineData("{\"page\":[\"a\"]}")]
    [InlineData("{\"page\":true}")]
    [InlineData("{\"prefix\":42}")]
    [InlineData("{\"prefix\":[]}")]
    public void APageOrPrefixOfAnotherTypeIsInvalidInput(string json) =>
        Assert.Equal(GaiaError.InvalidInputError, Assert.Throws<GaiaException>(() => JsonBody.ToListRequest(Body(json))).Error);

    [Theory]
    [InlineData("{}", false)]
    [InlineData("{\"stat\":true}", true)]
    [InlineData("{\"stat\":false}", false)]
    [InlineData("{\"stat\":1}", true)]
    [InlineData("{\"stat\":0}", false)]
    [InlineData("{\"stat\":\"yes\"}", true)]
    [InlineData("{\"stat\":\"false\"}", true)]
    [InlineData("{\"stat\":\"\"}", false)]
    [InlineData("{\"stat\":null}", false)]
    [InlineData("{\"stat\":{}}", true)]
    [InlineData("{\"stat\":[]}", true)]
    public void StatFollowsJavaScriptTruthiness(string json, bool expected) =>
        Assert.Equal(expected, JsonBody.ToListRequest(Body(json)).Stat);

    [Theory]
    [InlineData("{}", null)]
    [InlineData("{\"prefix\":null}", null)]
    [InlineData("{\"prefix\":\"photos/\"}", "photos/")]
    public void ThePrefixExtensionIsOptional(string json, string? expected) =>
        Assert.Equal(expected, JsonBody.ToListRequest(Body(json)).Prefix);

    [Fact]
    public void AllFieldsAreReadTogether() =>
        Assert.Equal(new ListFilesRequest("p1", true, "a/"),
            JsonBody.ToListRequest(Body("{\"page\":\"p1\",\"stat\":true,\"prefix\":\"a/\",\"ignored\":1}")));
}
