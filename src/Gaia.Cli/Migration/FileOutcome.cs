namespace Gaia.Cli.Migration;

/// <summary>One file's result: its size, content type and SHA-256 as verified, or why it failed.</summary>
internal sealed record FileOutcome(string Path, FileStatus Status, long Bytes, string? ContentType = null, string? Sha256 = null, string? Error = null);
