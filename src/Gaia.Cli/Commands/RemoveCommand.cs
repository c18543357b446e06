using System.CommandLine;
using Gaia.Cli.Hubs;
using Gaia.Cli.Output;

namespace Gaia.Cli.Commands;

/// <summary><c>gaia rm PATH…</c>: DELETE /delete for each path, stopping at the first refusal.</summary>
internal static class RemoveCommand
{
    public static Command Create(CommonOptions common)
    {
        var paths = new Argument<string[]>("path") { Description = "Paths in the bucket", Arity = ArgumentArity.OneOrMore };
        var command = new Command("rm", "Delete files from the bucket") { paths };
        common.AddHubAccess(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var key = common.RequireKey(parse);
            var targets = parse.GetRequiredValue(paths).Select(GaiaPaths.CheckFilePath).ToList();
            using var http = CliHttp.Create();
            var hub = await HubClient.ConnectAsync(http, common.RequireHub(parse), common.Credentials(parse, key), cancellationToken);
            var cli = common.Output(parse);
            var deleted = new List<string>();
            foreach (var path in targets)
            {
                await hub.DeleteAsync(path, cancellationToken);
                deleted.Add(path);
                cli.Line($"deleted {path}");
            }

            if (cli.IsJson)
            {
                cli.Json(new RemoveOutput(key.Address, deleted), OutputJson.Readable.RemoveOutput);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
