using System.CommandLine;
using Gaia.Cli.Hubs;
using Gaia.Cli.Output;
using Gaia.Client;

namespace Gaia.Cli.Commands;

/// <summary><c>gaia put FILE [PATH]</c>: streams a local file (or standard input) to POST /store.</summary>
internal static class PutCommand
{
    public static Command Create(CommonOptions common)
    {
        var file = new Argument<string>("file") { Description = "The local file, or - for standard input" };
        var path = new Argument<string>("path") { Description = "Its path in the bucket (default: the file's name)", Arity = ArgumentArity.ZeroOrOne };
        var contentType = new Option<string>("--content-type") { Description = "Content type to store (default: guessed from the path's extension)", HelpName = "TYPE" };
        var ifMatch = new Option<string>("--if-match") { Description = "Store only if the file's current ETag is this", HelpName = "ETAG" };
        var ifNoneMatch = new Option<string>("--if-none-match") { Description = "Use * to store only if the file does not exist yet", HelpName = "*" };
        var encrypt = new Option<bool>("--encrypt") { Description = "Encrypt to the bucket key as @stacks/storage putFile does (stored as application/json)" };
        var sign = new Option<bool>("--sign") { Description = "Sign with the bucket key: inside the envelope with --encrypt, else in a PATH.sig file" };
        var command = new Command("put", "Upload a file to the bucket") { file, path, contentType, ifMatch, ifNoneMatch, encrypt, sign };
        common.AddHubAccess(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var local = parse.GetRequiredValue(file);
            var fromInput = local == "-";
            var target = GaiaPaths.CheckFilePath(parse.GetValue(path)
                ?? (fromInput ? throw CliException.Usage("give the bucket PATH when reading standard input") : Path.GetFileName(local)));
            var type = parse.GetValue(contentType) ?? ContentTypes.Of(target);
            var (encrypted, signed) = (parse.GetValue(encrypt), parse.GetValue(sign));
            var key = common.RequireKey(parse);
            var hubUrl = common.RequireHub(parse);
            await using var body = fromInput ? common.Context.OpenStandardInput() : OpenFile(local);
            long? length = fromInput ? null : body.Length;

            using var http = CliHttp.Create();
            var hub = await HubClient.ConnectAsync(http, hubUrl, common.Credentials(parse, key), cancellationToken);
            if (length > hub.MaxUploadBytes && !encrypted)
            {
                throw new CliException($"{local} is {length} bytes; hub {hub.Url} accepts at most {hub.Info.MaxFileUploadSizeMegabytes} MB per file");
            }

            var counted = new HashingStream(body);
            var stored = encrypted || signed
                ? await hub.PutAsync(target, counted, new PutFileOptions
                {
                    Encrypt = encrypted,
                    Sign = signed,
                    ContentType = type,
                    WasString = type.StartsWith("text/", StringComparison.OrdinalIgnoreCase) || type.Contains("json", StringComparison.OrdinalIgnoreCase),
                    IfMatch = parse.GetValue(ifMatch),
                    IfNoneMatch = parse.GetValue(ifNoneMatch),
                }, cancellationToken)
                : await hub.StoreAsync(target, counted, type, length, parse.GetValue(ifMatch), parse.GetValue(ifNoneMatch), cancellationToken);
            type = encrypted ? "application/json" : type;

            var result = new PutOutput(target, stored.PublicUrl ?? hub.ReadUrl(key.Address, target), stored.ETag, counted.BytesRead, type);
            var cli = common.Output(parse);
            if (cli.IsJson)
            {
                cli.Json(result, OutputJson.Readable.PutOutput);
            }
            else
            {
                cli.Line($"stored {target} ({result.Bytes} bytes, {type}, etag {result.ETag})");
                cli.Line(result.PublicUrl!);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static FileStream OpenFile(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81_920, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot read {path}: {e.Message}");
        }
    }
}
