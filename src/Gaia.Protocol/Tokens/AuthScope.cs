using System.Text.Json.Serialization;

namespace Gaia.Protocol;

/// <summary>One entry of a v1 token's <c>scopes</c> claim.</summary>
public sealed record AuthScope(
    [property: JsonPropertyName("scope")] string Scope,
    [property: JsonPropertyName("domain")] string Domain)
{
    public const string PutFile = "putFile";
    public const string PutFilePrefix = "putFilePrefix";
    public const string DeleteFile = "deleteFile";
    public const string DeleteFilePrefix = "deleteFilePrefix";
    public const string PutFileArchival = "putFileArchival";
    public const string PutFileArchivalPrefix = "putFileArchivalPrefix";

    public const int MaxScopes = 8;

    public static bool IsKnown(string scope) => scope is PutFile or PutFilePrefix or DeleteFile or DeleteFilePrefix
        or PutFileArchival or PutFileArchivalPrefix;

    internal bool Matches(string path) => Scope.EndsWith("Prefix", StringComparison.Ordinal)
        ? path.StartsWith(Domain, StringComparison.Ordinal)
        : path == Domain;
}
