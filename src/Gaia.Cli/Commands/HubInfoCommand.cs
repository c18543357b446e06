using System.CommandLine;
using System.Globalization;
using Gaia.Cli.Hubs;
using Gaia.Cli.Output;

namespace Gaia.Cli.Commands;

/// <summary><c>gaia hub-info URL</c>: what a hub advertises (spec 2).</summary>
internal static class HubInfoCommand
{
    public static Command Create(CommonOptions common)
    {
        var url = new Argument<string>("url") { Description = "The hub's base URL" };
        var command = new Command("hub-info", "Show a hub's challenge text, auth version, upload limit and read URL prefix") { url };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var hub = GaiaPaths.NormalizeHubUrl(parse.GetRequiredValue(url), "url");
            using var http = CliHttp.Create();
            var info = await HubClient.GetHubInfoAsync(http, hub, cancellationToken);
            var cli = common.Output(parse);
            if (cli.IsJson)
            {
                cli.Json(new HubInfoOutput(hub, info.ChallengeText, info.LatestAuthVersion, info.MaxFileUploadSizeMegabytes, info.ReadUrlPrefix),
                    OutputJson.Readable.HubInfoOutput);
                return ExitCodes.Success;
            }

            cli.Line($"hub                             {hub}");
            cli.Line($"challenge_text                  {info.ChallengeText}");
            cli.Line($"latest_auth_version             {info.LatestAuthVersion}");
            cli.Line($"max_file_upload_size_megabytes  {info.MaxFileUploadSizeMegabytes?.ToString(CultureInfo.InvariantCulture)}");
            cli.Line($"read_url_prefix                 {info.ReadUrlPrefix}");
            return ExitCodes.Success;
        });
        return command;
    }
}
