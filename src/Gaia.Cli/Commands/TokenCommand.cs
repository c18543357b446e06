using System.CommandLine;
using Gaia.Cli.Hubs;
using Gaia.Cli.Keys;
using Gaia.Cli.Output;
using Gaia.Cli.Tokens;
using Gaia.Protocol;

namespace Gaia.Cli.Commands;

/// <summary><c>gaia token</c> (a v1 hub token) and <c>gaia token association</c> (an identity vouching for an app key).</summary>
internal static class TokenCommand
{
    public static Command Create(CommonOptions common)
    {
        var hubUrl = new Option<string>("--hub-url") { Description = "The hub: its hub_info gives the challenge, and the URL goes in the hubUrl claim", HelpName = "URL" };
        var serverName = new Option<string>("--server-name") { Description = "Build the challenge for this server name instead of asking the hub", HelpName = "NAME" };
        var expires = new Option<string>("--exp") { Description = "Expiry: Unix seconds, an offset like 1h or 30d, or an ISO date (default: never)", HelpName = "TIME" };
        var issuedAt = new Option<string>("--iat") { Description = "Issued-at, checked against revocations: a time as for --exp, or 'none' (default: now)", HelpName = "TIME" };
        var scopes = new Option<string[]>("--scope") { Description = "Limit the token, e.g. putFilePrefix:photos/ (repeatable, at most 8)", HelpName = "SCOPE:DOMAIN" };
        var command = new Command("token", "Print a v1 hub token (what follows \"bearer \" in an Authorization header)")
        {
            hubUrl, serverName, expires, issuedAt, scopes, common.AssociationToken,
        };
        common.AddKey(command);
        command.Subcommands.Add(Association(common));
        command.SetAction(async (parse, cancellationToken) =>
        {
            var key = common.RequireKey(parse);
            var url = parse.GetValue(hubUrl) is { } given ? GaiaPaths.NormalizeHubUrl(given, "--hub-url") : null;
            var now = DateTimeOffset.UtcNow;
            var iat = parse.GetValue(issuedAt) is { } text
                ? text.Equals("none", StringComparison.OrdinalIgnoreCase) ? (double?)null : TokenTime.Parse(text, "--iat", now)
                : now.ToUnixTimeSeconds();
            var exp = parse.GetValue(expires) is { } expText ? TokenTime.Parse(expText, "--exp", now) : (double?)null;
            var scopeList = (parse.GetValue(scopes) ?? []).Select(TokenScope.Parse).ToList();
            if (scopeList.Count > TokenScope.MaxCount)
            {
                throw CliException.Usage($"a token carries at most {TokenScope.MaxCount} scopes; hubs refuse more");
            }

            var challenge = await ChallengeAsync(parse.GetValue(serverName), url, cancellationToken);
            var credentials = common.Credentials(parse, key);
            var jwt = TokenSigner.HubToken(key, new HubTokenClaims(challenge, url, iat, exp, scopeList, credentials.AssociationToken));
            Write(common.Output(parse), "v1:" + jwt, key);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Association(CommonOptions common)
    {
        var child = new Argument<string>("child-public-key") { Description = "The app key's public key (hex) this identity key vouches for" };
        var expires = new Option<string>("--exp") { Description = "Expiry, as for gaia token --exp (default: 365d)", HelpName = "TIME" };
        var command = new Command("association", "Print an association token: the key (an identity) vouches for an app key") { child, expires };
        common.AddKey(command);
        command.SetAction(parse =>
        {
            var identity = common.RequireKey(parse);
            var childKey = parse.GetRequiredValue(child).Trim();
            if (BitcoinAddress.FromPublicKeyHex(childKey) is null)
            {
                throw CliException.Usage($"'{childKey}' is not a secp256k1 public key in hex");
            }

            var now = DateTimeOffset.UtcNow;
            var exp = TokenTime.Parse(parse.GetValue(expires) ?? "365d", "--exp", now);
            Write(common.Output(parse), TokenSigner.AssociationToken(identity, childKey.ToLowerInvariant(), now.ToUnixTimeSeconds(), exp), identity);
            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task<string> ChallengeAsync(string? serverName, string? url, CancellationToken cancellationToken)
    {
        if (serverName is not null)
        {
            return ChallengeText.For(serverName);
        }

        if (url is null)
        {
            throw CliException.Usage("give --hub-url URL (the hub tells its challenge) or --server-name NAME");
        }

        using var http = CliHttp.Create();
        var info = await HubClient.GetHubInfoAsync(http, url, cancellationToken);
        return info.ChallengeText ?? throw new CliException($"hub {url} answered hub_info without challenge_text");
    }

    private static void Write(CliOutput cli, string token, BucketKey key)
    {
        if (!cli.IsJson)
        {
            cli.Line(token);
            return;
        }

        var jwt = token.StartsWith("v1:", StringComparison.Ordinal) ? token[3..] : token;
        var authorization = token.StartsWith("v1:", StringComparison.Ordinal) ? "bearer " + token : null;
        cli.Json(new TokenOutput(token, authorization, key.Address, TokenSigner.TryReadPayload(jwt)!.Value), OutputJson.Readable.TokenOutput);
    }
}
