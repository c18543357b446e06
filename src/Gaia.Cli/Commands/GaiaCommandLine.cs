using System.CommandLine;

namespace Gaia.Cli.Commands;

/// <summary>The command tree of <c>gaia</c>.</summary>
internal static class GaiaCommandLine
{
    public static RootCommand Create(CliContext context)
    {
        var common = new CommonOptions(context);
        var root = new RootCommand("Talk to any Gaia storage hub: keys, tokens, files, and moving a bucket from one hub to another.");
        root.Options.Add(common.Json);
        root.Subcommands.Add(KeyCommand.Create(common));
        root.Subcommands.Add(TokenCommand.Create(common));
        root.Subcommands.Add(HubInfoCommand.Create(common));
        root.Subcommands.Add(PutCommand.Create(common));
        root.Subcommands.Add(GetCommand.Create(common));
        root.Subcommands.Add(ListCommand.Create(common));
        root.Subcommands.Add(RemoveCommand.Create(common));
        root.Subcommands.Add(RevokeCommand.Create(common));
        root.Subcommands.Add(MigrateCommand.Create(common));
        return root;
    }
}
