using System.CommandLine;
using Gaia.Cli.Hubs;
using Gaia.Cli.Output;
using Gaia.Client;

namespace Gaia.Cli.Commands;

/// <summary><c>gaia get PATH [FILE]</c>: a plain GET below the hub's read_url_prefix, streamed to a file or standard output.</summary>
internal static class GetCommand
{
    public static Command Create(CommonOptions common)
    {
        var path = new Argument<string>("path") { Description = "The file's path in the bucket" };
        var file = new Argument<string>("file") { Description = "Where to write it; - (the default) for standard output", Arity = ArgumentArity.ZeroOrOne };
        var bucket = new Option<string>("--bucket") { Description = "Read from this bucket address (reads need no key)", HelpName = "ADDRESS" };
        var decrypt = new Option<bool>("--decrypt") { Description = "Decrypt a file @stacks/storage putFile (or gaia put --encrypt) wrote, with the bucket key" };
        var verify = new Option<bool>("--verify") { Description = "Check the file's signature (inside the envelope with --decrypt, else PATH.sig) against the bucket's key" };
        var command = new Command("get", "Download a file from the bucket (through the hub's read URL)") { path, file, bucket, decrypt, verify };
        common.AddHubAccess(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var source = GaiaPaths.CheckFilePath(parse.GetRequiredValue(path));
            var target = parse.GetValue(file) ?? "-";
            var cli = common.Output(parse);
            if (target == "-" && cli.IsJson)
            {
                throw CliException.Usage("--json needs a FILE to write to: standard output carries the file itself");
            }

            var decrypting = parse.GetValue(decrypt);
            var key = decrypting ? common.RequireKey(parse) : common.FindKey(parse);
            var address = parse.GetValue(bucket) ?? key?.Address ?? common.RequireKey(parse).Address;
            using var http = CliHttp.Create();
            var hub = await HubClient.ConnectAsync(http, common.RequireHub(parse), key is null ? null : new HubCredentials(key, null), cancellationToken);
            var url = hub.ReadUrl(address, source);
            await using var response = await OpenAsync(hub, address, source, decrypting, parse.GetValue(verify), cancellationToken)
                ?? throw new CliException($"no file {source} in bucket {address} (read endpoint {url} answered 404)");
            var (contentType, etag, body) = (response.ContentType, response.ETag, response.Content);
            var bytes = target == "-" ? await ToStandardOutputAsync(common.Context, body, cancellationToken) : await ToFileAsync(body, target, cancellationToken);

            if (cli.IsJson)
            {
                cli.Json(new GetOutput(source, url, target, bytes, contentType, etag), OutputJson.Readable.GetOutput);
            }
            else if (target != "-")
            {
                cli.Line($"wrote {target} ({bytes} bytes, {contentType ?? "no content type"})");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The file as stored, or decrypted and verified; a failed decryption or signature is the command's failure.</summary>
    private static async Task<GaiaFile?> OpenAsync(HubClient hub, string address, string path, bool decrypt, bool verify, CancellationToken cancellationToken)
    {
        try
        {
            return await hub.OpenReadAsync(address, path, cancellationToken, new GetFileOptions { Decrypt = decrypt, Verify = verify });
        }
        catch (System.Security.Cryptography.CryptographicException e)
        {
            throw new CliException($"{path}: {e.Message}");
        }
    }

    private static async Task<long> ToStandardOutputAsync(CliContext context, Stream body, CancellationToken cancellationToken)
    {
        context.Out.Flush();
        var output = context.OpenStandardOutput();
        await using var counting = new HashingStream(body);
        await counting.CopyToAsync(output, cancellationToken);
        await output.FlushAsync(cancellationToken);
        return counting.BytesRead;
    }

    /// <summary>Writes beside the target and moves it into place, so a failed download leaves no half file.</summary>
    private static async Task<long> ToFileAsync(Stream body, string target, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(target);
        var partial = Path.Join(Path.GetDirectoryName(full), $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.partial");
        try
        {
            long bytes;
            await using (var output = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81_920, useAsync: true))
            {
                await body.CopyToAsync(output, cancellationToken);
                bytes = output.Length;
            }

            File.Move(partial, full, overwrite: true);
            return bytes;
        }
        catch (Exception e) when (e is (IOException and not HttpIOException) or UnauthorizedAccessException)
        {
            throw new CliException($"cannot write {target}: {e.Message}");
        }
        finally
        {
            File.Delete(partial);
        }
    }
}
