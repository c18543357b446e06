using System.Text.Json.Serialization;

namespace Gaia.Cli.Migration;

/// <summary>How one file of a migration ended.</summary>
internal enum FileStatus
{
    /// <summary>Written to the destination and read back byte for byte.</summary>
    [JsonStringEnumMemberName("copied")]
    Copied,

    /// <summary>Already at the destination with the same bytes (hashes compared) and content type.</summary>
    [JsonStringEnumMemberName("skipped")]
    Skipped,

    /// <summary>Listed but not a file: the <c>auth/authTimestamp</c> revocation marker some cloud hubs list.</summary>
    [JsonStringEnumMemberName("ignored")]
    Ignored,

    [JsonStringEnumMemberName("failed")]
    Failed,
}
