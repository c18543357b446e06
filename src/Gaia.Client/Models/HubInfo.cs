using System.Text.Json.Serialization;

namespace Gaia.Client;

/// <summary>What a hub advertises at <c>GET /hub_info</c>.</summary>
/// <param name="ChallengeText">The text every v1 token of this hub must carry as <c>gaiaChallenge</c>.</param>
/// <param name="LatestAuthVersion">The newest token version the hub takes, <c>v1</c>.</param>
/// <param name="MaxFileUploadSizeMegabytes">The largest file the hub stores, in MiB.</param>
/// <param name="ReadUrlPrefix">Where files are read: <c>{prefix}{address}/{path}</c>.</param>
public sealed record HubInfo(
    [property: JsonPropertyName("challenge_text")] string? ChallengeText,
    [property: JsonPropertyName("latest_auth_version")] string? LatestAuthVersion,
    [property: JsonPropertyName("max_file_upload_size_megabytes")] double? MaxFileUploadSizeMegabytes,
    [property: JsonPropertyName("read_url_prefix")] string? ReadUrlPrefix);
