namespace Gaia.Cli.Hubs;

/// <summary>The content type of a file name's extension, for <c>gaia put</c> without <c>--content-type</c>.</summary>
internal static class ContentTypes
{
    public const string Default = "application/octet-stream";

    private static readonly Dictionary<string, string> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".txt"] = "text/plain", [".md"] = "text/markdown", [".csv"] = "text/csv", [".html"] = "text/html", [".htm"] = "text/html",
        [".css"] = "text/css", [".js"] = "text/javascript", [".mjs"] = "text/javascript", [".xml"] = "text/xml", [".ics"] = "text/calendar",
        [".json"] = "application/json", [".jsonld"] = "application/ld+json", [".pdf"] = "application/pdf", [".zip"] = "application/zip",
        [".gz"] = "application/gzip", [".tar"] = "application/x-tar", [".wasm"] = "application/wasm", [".rtf"] = "application/rtf",
        [".doc"] = "application/msword", [".xls"] = "application/vnd.ms-excel",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".png"] = "image/png", [".jpg"] = "image/jpeg", [".jpeg"] = "image/jpeg", [".gif"] = "image/gif", [".webp"] = "image/webp",
        [".svg"] = "image/svg+xml", [".ico"] = "image/x-icon", [".bmp"] = "image/bmp", [".avif"] = "image/avif", [".tif"] = "image/tiff",
        [".tiff"] = "image/tiff", [".mp3"] = "audio/mpeg", [".wav"] = "audio/wav", [".ogg"] = "audio/ogg", [".m4a"] = "audio/mp4",
        [".flac"] = "audio/flac", [".mp4"] = "video/mp4", [".webm"] = "video/webm", [".mov"] = "video/quicktime", [".avi"] = "video/x-msvideo",
        [".woff"] = "font/woff", [".woff2"] = "font/woff2", [".ttf"] = "font/ttf", [".otf"] = "font/otf",
    };

    /// <summary>The type for <paramref name="path"/>'s extension, or <see cref="Default"/>.</summary>
    public static string Of(string path) => ByExtension.GetValueOrDefault(Path.GetExtension(path), Default);
}
