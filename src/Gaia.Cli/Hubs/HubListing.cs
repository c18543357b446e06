using System.Runtime.CompilerServices;

namespace Gaia.Cli.Hubs;

/// <summary>Whole listings over list-files pages.</summary>
internal static class HubListing
{
    /// <summary>@stacks/storage's safety limit on list pages.</summary>
    public const int MaxListPages = 65_536;

    /// <summary>Every file of the bucket, following pages until a null page or an empty entries array (spec 7).</summary>
    public static async IAsyncEnumerable<ListedFile> ListAsync(this HubClient hub, string address, bool stat,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? page = null;
        for (var count = 0; count < MaxListPages; count++)
        {
            var result = await hub.ListPageAsync(address, page, stat, cancellationToken);
            foreach (var file in result.Files)
            {
                yield return file;
            }

            if (result.NextPage is null || result.EntryCount == 0)
            {
                yield break;
            }

            page = result.NextPage;
        }

        throw new CliException($"hub {hub.Url} was still paging after {MaxListPages} list pages");
    }
}
