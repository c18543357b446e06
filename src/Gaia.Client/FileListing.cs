using System.Text.Json;

namespace Gaia.Client;

/// <summary>Reads one answer of POST /list-files (spec 7): names or stat objects, <c>null</c> fillers dropped, and the next page token.</summary>
internal static class FileListing
{
    /// <summary>@stacks/storage's safety limit on list pages.</summary>
    public const int MaxPages = 65_536;

    public static async Task<(List<HubFile> Files, string? NextPage, int Entries)> ReadPageAsync(
        HttpResponseMessage response, string who, CancellationToken cancellationToken)
    {
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("entries", out var entries) || entries.ValueKind != JsonValueKind.Array)
        {
            throw new GaiaHubException($"{who} answered list-files without an entries array");
        }

        var next = root.TryGetProperty("page", out var token) && token.ValueKind != JsonValueKind.Null
            ? token.ValueKind == JsonValueKind.String ? token.GetString() : token.GetRawText()
            : null;
        return ([.. entries.EnumerateArray().Select(FileOf).OfType<HubFile>()], next, entries.GetArrayLength());
    }

    private static HubFile? FileOf(JsonElement entry) => entry.ValueKind switch
    {
        JsonValueKind.String => new HubFile(entry.GetString()!),
        JsonValueKind.Object when entry.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String =>
            new HubFile(name.GetString()!, Number(entry, "contentLength"), Text(entry, "contentType"), Text(entry, "etag"),
                Number(entry, "lastModifiedDate") is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null),
        _ => null,
    };

    private static string? Text(JsonElement entry, string property) =>
        entry.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static long? Number(JsonElement entry, string property) =>
        entry.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number)
            && Math.Abs(number) < 253_402_300_799
            ? (long)Math.Round(number)
            : null;
}
