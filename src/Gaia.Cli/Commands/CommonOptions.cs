using System.CommandLine;
using Gaia.Cli.Hubs;
using Gaia.Cli.Keys;
using Gaia.Protocol;
using Gaia.Cli.Output;
using Gaia.Cli.Tokens;

namespace Gaia.Cli.Commands;

/// <summary>The options several commands share, and how their values (or the environment) become keys, hubs and output.</summary>
internal sealed class CommonOptions(CliContext context)
{
    public const string HubVariable = "GAIA_HUB";
    public const string AssociationTokenVariable = "GAIA_ASSOCIATION_TOKEN";

    public CliContext Context => context;

    public Option<bool> Json { get; } = new("--json") { Description = "Write the result as one JSON document (for scripts)", Recursive = true };

    public Option<string> Key { get; } = new("--key")
    {
        Description = "The bucket's private key, 64 hex digits (other users can see command lines: prefer --key-file or GAIA_KEY)",
        HelpName = "HEX",
    };

    public Option<string> KeyFile { get; } = new("--key-file") { Description = "A file holding the bucket's private key in hex", HelpName = "PATH" };

    public Option<string> Hub { get; } = new("--hub") { Description = $"The hub's base URL (default: ${HubVariable})", HelpName = "URL" };

    public Option<string> AssociationToken { get; } = new("--association-token")
    {
        Description = $"An association token for hubs that whitelist an identity address (default: ${AssociationTokenVariable})",
        HelpName = "JWT",
    };

    /// <summary>Adds --key and --key-file.</summary>
    public void AddKey(Command command)
    {
        command.Options.Add(Key);
        command.Options.Add(KeyFile);
    }

    /// <summary>Adds --hub, --key, --key-file and --association-token.</summary>
    public void AddHubAccess(Command command)
    {
        command.Options.Add(Hub);
        AddKey(command);
        command.Options.Add(AssociationToken);
    }

    public CliOutput Output(ParseResult parse) => new(context, parse.GetValue(Json));

    public BucketKey? FindKey(ParseResult parse) => KeySource.Find(parse.GetValue(Key), parse.GetValue(KeyFile), context.Environment);

    public BucketKey RequireKey(ParseResult parse) => KeySource.Require(parse.GetValue(Key), parse.GetValue(KeyFile), context.Environment);

    public string RequireHub(ParseResult parse) => GaiaPaths.NormalizeHubUrl(
        parse.GetValue(Hub) ?? context.Environment(HubVariable) ?? throw CliException.Usage($"no hub: give --hub URL or set {HubVariable}"),
        "--hub");

    /// <summary>The key plus the association token, checked to name this key as its child.</summary>
    public HubCredentials Credentials(ParseResult parse, BucketKey key)
    {
        var association = parse.GetValue(AssociationToken) ?? context.Environment(AssociationTokenVariable);
        return new HubCredentials(key, association is { Length: > 0 } ? CheckAssociation(association, key) : null);
    }

    /// <summary>Refuses an association token that is not a JWT or that vouches for another key.</summary>
    public static string CheckAssociation(string token, BucketKey key)
    {
        var trimmed = token.Trim();
        var payload = TokenSigner.TryReadPayload(trimmed)
            ?? throw CliException.Usage("the association token is not a compact JWT (header.payload.signature)");
        if (payload.TryGetProperty("childToAssociate", out var child) && child.GetString() is { } childKey
            && !childKey.Equals(key.PublicKeyHex, StringComparison.OrdinalIgnoreCase))
        {
            throw CliException.Usage($"the association token vouches for key {childKey}, not for this key ({key.PublicKeyHex})");
        }

        return trimmed;
    }
}
