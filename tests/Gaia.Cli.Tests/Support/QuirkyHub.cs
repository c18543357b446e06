using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Gaia.Cli.Tests.Support;

/// <summary>
/// A source hub with the reference hub's quirks, on a loopback socket: read_url_prefix without its trailing slash (spec 2),
/// stat entries without contentType and quoted ETags (S3, spec 7), a <c>null</c> filler entry, the revocation marker
/// listed as <c>auth/authTimestamp</c> (cloud prefix, spec 7), and disk-style paging whose last page is an empty
/// entries array with yet another page token. It accepts any Authorization header and serves reads under /reader/.
/// </summary>
internal sealed class QuirkyHub(WebApplication app) : IAsyncDisposable
{
    public string Url { get; } = app.Urls.Single().TrimEnd('/');

    public static async Task<QuirkyHub> StartAsync(string address, IReadOnlyDictionary<string, (string ContentType, byte[] Bytes)> files)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/hub_info", (HttpContext context) => Results.Json(new Dictionary<string, object>
        {
            ["challenge_text"] = "[\"gaiahub\",\"0\",\"quirky\",\"blockstack_storage_please_sign\"]",
            ["latest_auth_version"] = "v1",
            ["max_file_upload_size_megabytes"] = 20,
            ["read_url_prefix"] = $"http://{context.Request.Host}/reader",
        }));
        app.MapPost($"/list-files/{address}", async (HttpContext context) =>
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body);
            var page = body.RootElement.GetProperty("page").GetString();
            var stat = body.RootElement.TryGetProperty("stat", out var flag) && flag.GetBoolean();
            object?[] entries = page is null
                ? [.. files.Keys.Take(1).Select(n => Entry(n, stat)), null, .. files.Keys.Skip(1).Select(n => Entry(n, stat)), Entry("auth/authTimestamp", stat)]
                : [];
            return Results.Json(new Dictionary<string, object?> { ["entries"] = entries, ["page"] = page is null ? "1" : "2" }, statusCode: 202);

            object Entry(string name, bool withStat) => withStat
                ? new Dictionary<string, object> { ["name"] = name, ["exists"] = true, ["etag"] = "\"s3-style\"", ["contentLength"] = Length(name) }
                : name;
        });
        app.MapGet($"/reader/{address}/{{**path}}", (string path) => files.TryGetValue(path, out var file)
            ? Results.Bytes(file.Bytes, file.ContentType)
            : Results.NotFound());
        await app.StartAsync();
        return new QuirkyHub(app);

        long Length(string name) => files.TryGetValue(name, out var file) ? file.Bytes.Length : 10;
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();
}
