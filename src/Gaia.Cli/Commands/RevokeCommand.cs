using System.CommandLine;
using System.Globalization;
using Gaia.Cli.Hubs;
using Gaia.Cli.Output;
using Gaia.Cli.Tokens;

namespace Gaia.Cli.Commands;

/// <summary><c>gaia revoke</c>: POST /revoke-all, so tokens issued before a time stop working (spec 4).</summary>
internal static class RevokeCommand
{
    public static Command Create(CommonOptions common)
    {
        var before = new Option<string>("--before") { Description = "Revoke tokens issued before this time (default: now); as for gaia token --exp", HelpName = "TIME" };
        var yes = new Option<bool>("--yes", "-y")
        {
            Description = "Confirm: tokens without iat, which @stacks/storage and wallets send, are locked out of the bucket for good",
        };
        var command = new Command("revoke", "Revoke every token of the bucket issued before a time") { before, yes };
        common.AddHubAccess(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var key = common.RequireKey(parse);
            var timestamp = (long)Math.Floor(TokenTime.Parse(parse.GetValue(before) ?? "now", "--before", DateTimeOffset.UtcNow));
            if (!parse.GetValue(yes))
            {
                throw CliException.Usage("revoking also locks out clients whose tokens carry no iat (@stacks/storage, wallets); add --yes to go ahead");
            }

            using var http = CliHttp.Create();
            var hub = await HubClient.ConnectAsync(http, common.RequireHub(parse), common.Credentials(parse, key), cancellationToken);
            await hub.RevokeAllAsync(timestamp, cancellationToken);
            var cli = common.Output(parse);
            if (cli.IsJson)
            {
                cli.Json(new RevokeOutput(key.Address, timestamp), OutputJson.Readable.RevokeOutput);
            }
            else
            {
                var when = DateTimeOffset.FromUnixTimeSeconds(timestamp).ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
                cli.Line($"tokens for bucket {key.Address} issued before {when} ({timestamp}) no longer work on hub {hub.Url}");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
