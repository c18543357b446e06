namespace Gaia.Cli.Keys;

/// <summary>Finds the bucket key: <c>--key HEX</c>, else <c>--key-file PATH</c>, else the <c>GAIA_KEY</c> variable.</summary>
internal static class KeySource
{
    public const string EnvironmentVariable = "GAIA_KEY";

    /// <summary>The key, or null when none of the three sources gives one.</summary>
    public static BucketKey? Find(string? keyHex, string? keyFile, Func<string, string?> environment)
    {
        if (keyHex is not null && keyFile is not null)
        {
            throw CliException.Usage("give either --key or --key-file, not both");
        }

        if (keyHex is not null)
        {
            return BucketKey.Parse(keyHex, "--key");
        }

        if (keyFile is not null)
        {
            string text;
            try
            {
                text = File.ReadAllText(keyFile);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw CliException.Usage($"cannot read the key file {keyFile}: {e.Message}");
            }

            return BucketKey.Parse(text, $"--key-file {keyFile}");
        }

        return environment(EnvironmentVariable) is { Length: > 0 } fromEnvironment
            ? BucketKey.Parse(fromEnvironment, EnvironmentVariable)
            : null;
    }

    public static BucketKey Require(string? keyHex, string? keyFile, Func<string, string?> environment) =>
        Find(keyHex, keyFile, environment)
        ?? throw CliException.Usage($"no key: give --key HEX or --key-file PATH, or set {EnvironmentVariable}");
}
