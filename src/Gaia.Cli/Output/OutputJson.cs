using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Gaia.Cli.Hubs;
using Gaia.Cli.Migration;

namespace Gaia.Cli.Output;

/// <summary>The <c>--json</c> documents: camelCase, indented, null members left out.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    WriteIndented = true)]
[JsonSerializable(typeof(KeyOutput))]
[JsonSerializable(typeof(TokenOutput))]
[JsonSerializable(typeof(HubInfoOutput))]
[JsonSerializable(typeof(PutOutput))]
[JsonSerializable(typeof(GetOutput))]
[JsonSerializable(typeof(ListOutput))]
[JsonSerializable(typeof(ListStatOutput))]
[JsonSerializable(typeof(RemoveOutput))]
[JsonSerializable(typeof(RevokeOutput))]
[JsonSerializable(typeof(MigrationReport))]
internal sealed partial class OutputJson : JsonSerializerContext
{
    private static OutputJson? readable;

    /// <summary>Like <see cref="Default"/>, but writing é and other non-ASCII text as is rather than as \u escapes.</summary>
    public static OutputJson Readable => readable ??= new(new JsonSerializerOptions(Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
