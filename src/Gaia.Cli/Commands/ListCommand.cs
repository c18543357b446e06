using System.CommandLine;
using System.Globalization;
using Gaia.Cli.Hubs;
using Gaia.Cli.Output;

namespace Gaia.Cli.Commands;

/// <summary><c>gaia ls [PREFIX]</c>: every page of POST /list-files, optionally with stat.</summary>
internal static class ListCommand
{
    public static Command Create(CommonOptions common)
    {
        var prefix = new Argument<string>("prefix") { Description = "Only paths starting with this", Arity = ArgumentArity.ZeroOrOne };
        prefix.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { } value && value.StartsWith('-'))
            {
                result.AddError($"Unrecognized option '{value}'.");
            }
        });
        var stat = new Option<bool>("--stat", "-l") { Description = "Show size, modification time, content type and ETag" };
        var command = new Command("ls", "List the files of the bucket (all pages)") { prefix, stat };
        common.AddHubAccess(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var key = common.RequireKey(parse);
            var withStat = parse.GetValue(stat);
            var start = parse.GetValue(prefix) ?? "";
            using var http = CliHttp.Create();
            var hub = await HubClient.ConnectAsync(http, common.RequireHub(parse), common.Credentials(parse, key), cancellationToken);
            var files = new List<ListedFile>();
            await foreach (var file in hub.ListAsync(withStat, cancellationToken))
            {
                if (file.Name.StartsWith(start, StringComparison.Ordinal))
                {
                    files.Add(file);
                }
            }

            var cli = common.Output(parse);
            if (cli.IsJson && withStat)
            {
                cli.Json(new ListStatOutput(key.Address, files.Count, files), OutputJson.Readable.ListStatOutput);
            }
            else if (cli.IsJson)
            {
                cli.Json(new ListOutput(key.Address, files.Count, [.. files.Select(f => f.Name)]), OutputJson.Readable.ListOutput);
            }
            else if (withStat)
            {
                WriteColumns(cli, files);
            }
            else
            {
                files.ForEach(f => cli.Line(f.Name));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>size, modified (UTC), content type, ETag, name: aligned, one file a line, the name last so any name fits.</summary>
    private static void WriteColumns(CliOutput cli, List<ListedFile> files)
    {
        var rows = files.Select(f => new[]
        {
            f.ContentLength?.ToString(CultureInfo.InvariantCulture) ?? "-",
            f.LastModifiedDate is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "-",
            f.ContentType ?? "-",
            f.ETag ?? "-",
            f.Name,
        }).ToList();
        var widths = Enumerable.Range(0, 4).Select(column => rows.Select(r => r[column].Length).DefaultIfEmpty(0).Max()).ToArray();
        foreach (var row in rows)
        {
            cli.Line($"{row[0].PadLeft(widths[0])}  {row[1].PadRight(widths[1])}  {row[2].PadRight(widths[2])}  {row[3].PadRight(widths[3])}  {row[4]}");
        }
    }
}
