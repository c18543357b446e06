using System.CommandLine;
using Gaia.Cli.Keys;
using Gaia.Protocol;
using Gaia.Cli.Output;

namespace Gaia.Cli.Commands;

/// <summary><c>gaia key new</c> and <c>gaia key address</c>.</summary>
internal static class KeyCommand
{
    public static Command Create(CommonOptions common)
    {
        var key = new Command("key", "Make a bucket key, or show the bucket address of one");
        key.Subcommands.Add(New(common));
        key.Subcommands.Add(Address(common));
        return key;
    }

    private static Command New(CommonOptions common)
    {
        var output = new Option<string>("--out") { Description = "Write the new private key (hex) to this file, readable only by you", HelpName = "FILE" };
        var showPrivate = new Option<bool>("--show-private") { Description = "Print the new private key" };
        var command = new Command("new", "Generate a random secp256k1 key; prints its address and public key") { output, showPrivate };
        command.SetAction(parse =>
        {
            var file = parse.GetValue(output);
            var show = parse.GetValue(showPrivate);
            if (file is null && !show)
            {
                throw CliException.Usage("a private key is only ever printed when asked: give --out FILE or --show-private");
            }

            var fresh = BucketKey.New();
            if (file is not null)
            {
                WriteKeyFile(file, fresh);
            }

            var result = new KeyOutput(fresh.Address, fresh.PublicKeyHex, show ? fresh.PrivateKeyHex : null, file);
            var cli = common.Output(parse);
            if (cli.IsJson)
            {
                cli.Json(result, OutputJson.Readable.KeyOutput);
                return ExitCodes.Success;
            }

            cli.Line($"address      {result.Address}");
            cli.Line($"public key   {result.PublicKey}");
            cli.Line(file is null ? $"private key  {result.PrivateKey}" : $"private key  written to {file}");
            if (file is not null && show)
            {
                cli.Line($"             {result.PrivateKey}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Address(CommonOptions common)
    {
        var command = new Command("address", "Print the bucket address (and, with --json, the public key) of the key");
        common.AddKey(command);
        command.SetAction(parse =>
        {
            var key = common.RequireKey(parse);
            var cli = common.Output(parse);
            if (cli.IsJson)
            {
                cli.Json(new KeyOutput(key.Address, key.PublicKeyHex), OutputJson.Readable.KeyOutput);
            }
            else
            {
                cli.Line(key.Address);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Creates the file (never overwrites one), mode 0600 where the platform has modes.</summary>
    private static void WriteKeyFile(string path, BucketKey key)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var writer = new StreamWriter(path, options);
            writer.WriteLine(key.PrivateKeyHex);
        }
        catch (IOException) when (File.Exists(path))
        {
            throw CliException.Usage($"{path} already exists; a key file is never overwritten");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot write the key file {path}: {e.Message}");
        }
    }
}
