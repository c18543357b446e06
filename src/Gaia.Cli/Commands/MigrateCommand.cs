using System.CommandLine;
using Gaia.Cli.Hubs;
using Gaia.Cli.Migration;
using Gaia.Cli.Output;

namespace Gaia.Cli.Commands;

/// <summary><c>gaia migrate --from HUB --to HUB</c>: moves the key's bucket between any two Gaia hubs.</summary>
internal static class MigrateCommand
{
    public static Command Create(CommonOptions common)
    {
        var from = new Option<string>("--from") { Description = "The source hub's base URL", HelpName = "URL", Required = true };
        var to = new Option<string>("--to") { Description = "The destination hub's base URL", HelpName = "URL", Required = true };
        var parallel = new Option<int>("--parallel", "-p") { Description = "Files copied at once", HelpName = "N", DefaultValueFactory = _ => 4 };
        parallel.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 64)
            {
                result.AddError("--parallel must be between 1 and 64");
            }
        });
        var deleteSource = new Option<bool>("--delete-source") { Description = "Once every file is verified at the destination, delete them from the source" };
        var command = new Command("migrate", "Copy every file of the bucket to another hub, verify each copy, resume where a run stopped")
        {
            from, to, parallel, deleteSource,
        };
        common.AddKey(command);
        command.Options.Add(common.AssociationToken);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var key = common.RequireKey(parse);
            var source = GaiaPaths.NormalizeHubUrl(parse.GetRequiredValue(from), "--from");
            var destination = GaiaPaths.NormalizeHubUrl(parse.GetRequiredValue(to), "--to");
            if (string.Equals(source, destination, StringComparison.OrdinalIgnoreCase))
            {
                throw CliException.Usage("--from and --to are the same hub");
            }

            var credentials = common.Credentials(parse, key);
            using var http = CliHttp.Create();
            var sourceHub = await HubClient.ConnectAsync(http, source, credentials, cancellationToken);
            var destinationHub = await HubClient.ConnectAsync(http, destination, credentials, cancellationToken);
            var cli = common.Output(parse);
            cli.Line($"migrating bucket {key.Address} from {source} to {destination}");

            Task<MigrationReport> RunAsync(IMigrationProgress progress) =>
                new Migrator(sourceHub, destinationHub, key.Address, parse.GetValue(parallel), progress, common.Context.OnMigratedFile)
                    .RunAsync(parse.GetValue(deleteSource), cancellationToken);

            var report = cli.ShowsProgress
                ? await SpectreProgress.RunAsync(cli.CreateConsole(), RunAsync)
                : await RunAsync(cli.IsJson ? new NoProgress() : new LineProgress(cli));
            if (cli.IsJson)
            {
                cli.Json(report, OutputJson.Readable.MigrationReport);
            }
            else
            {
                MigrationSummary.Render(cli, report);
            }

            if (report.Complete)
            {
                return ExitCodes.Success;
            }

            common.Context.Error.WriteLine(report.Interrupted
                ? "gaia: migration interrupted; run the same command again to resume"
                : $"gaia: migration incomplete: {report.Failed} failed, {report.DeleteFailures.Count} not deleted from the source"
                    + (report.SourceKept is null ? "" : "; the source was kept"));
            return report.Interrupted ? ExitCodes.Interrupted : ExitCodes.Failure;
        });
        return command;
    }
}
