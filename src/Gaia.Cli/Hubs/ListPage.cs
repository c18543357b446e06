namespace Gaia.Cli.Hubs;

/// <summary>One answer of POST /list-files: its files (null filler entries dropped), the next page token and the raw entry count.</summary>
internal sealed record ListPage(IReadOnlyList<ListedFile> Files, string? NextPage, int EntryCount);
