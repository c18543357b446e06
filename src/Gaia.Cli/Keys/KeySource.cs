using Gaia.Protocol;

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
            return Parse(keyHex, "--key");
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

            return Parse(text, $"--key-file {keyFile}");
        }

        return environment(EnvironmentVariable) is { Length: > 0 } fromEnvironment
            ? Parse(fromEnvironment, EnvironmentVariable)
            : null;
    }

    /// <summary>The key in <paramref name="text"/>; <paramref name="source"/> names where the text came from.</summary>
    public static BucketKey Parse(string text, string source)
    {
        try
        {
            return BucketKey.Parse(text);
        }
        catch (FormatException e)
        {
            throw CliException.Usage($"the key from {source} is {e.Message}");
        }
    }

    public static BucketKey Require(string? keyHex, string? keyFile, Func<string, string?> environment) =>
        Find(keyHex, keyFile, environment)
        ?? throw CliException.Usage($"no key: give --key HEX or --key-file PATH, or set {EnvironmentVariable}");
}
