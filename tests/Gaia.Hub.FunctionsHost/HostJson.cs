using System.Text.Json;

namespace Gaia.Hub.FunctionsHost;

/// <summary>The one host.json setting this host honours: extensions.http.routePrefix ("api" when absent, as in Azure).</summary>
internal static class HostJson
{
    public const string DefaultRoutePrefix = "api";

    public static string RoutePrefix(string appDirectory)
    {
        var path = Path.Join(appDirectory, "host.json");
        if (!File.Exists(path))
        {
            return DefaultRoutePrefix;
        }

        using var json = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        return json.RootElement.TryGetProperty("extensions", out var extensions)
            && extensions.TryGetProperty("http", out var http)
            && http.TryGetProperty("routePrefix", out var prefix)
            && prefix.ValueKind == JsonValueKind.String
                ? prefix.GetString()!.Trim('/')
                : DefaultRoutePrefix;
    }
}
