using System.Text.Json.Serialization;

namespace Gaia.Protocol;

/// <summary>One entry of a v1 token's <c>scopes</c> claim.</summary>
public sealed record AuthScope(
    [property: JsonPropertyName("scope")] string Scope,
    [property: JsonPropertyName("domain")] string Domain)
{
    /// <summary>Writes only to the file named by the domain.</summary>
    public const string PutFile = "putFile";
    /// <summary>Writes only below the domain (a path prefix).</summary>
    public const string PutFilePrefix = "putFilePrefix";
    /// <summary>Deletes only the file named by the domain.</summary>
    public const string DeleteFile = "deleteFile";
    /// <summary>Deletes only below the domain.</summary>
    public const string DeleteFilePrefix = "deleteFilePrefix";
    /// <summary>As <see cref="PutFile"/>, and every replaced or deleted version is kept as history.</summary>
    public const string PutFileArchival = "putFileArchival";
    /// <summary>As <see cref="PutFilePrefix"/>, keeping history.</summary>
    public const string PutFileArchivalPrefix = "putFileArchivalPrefix";

    /// <summary>The most entries a token's <c>scopes</c> claim may have.</summary>
    public const int MaxScopes = 8;

    /// <summary>True for the six scope names hubs know.</summary>
    public static bool IsKnown(string scope) => scope is PutFile or PutFilePrefix or DeleteFile or DeleteFilePrefix
        or PutFileArchival or PutFileArchivalPrefix;

    internal bool Matches(string path) => Scope.EndsWith("Prefix", StringComparison.Ordinal)
        ? path.StartsWith(Domain, StringComparison.Ordinal)
        : path == Domain;
}
