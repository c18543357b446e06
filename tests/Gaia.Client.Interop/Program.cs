using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Gaia.Client;
using Gaia.Client.Interop;
using Gaia.Protocol;

// Usage: Gaia.Client.Interop write <hub URL> <app key hex> <dir>
//        Gaia.Client.Interop read <hub URL> <app key hex> <manifest.json>...
// Prints `ok - …` / `not ok - …` per file, then `N passed, N failed`; exits 1 on any failure.
if (args.Length < 4 || args[0] is not ("write" or "read"))
{
    Console.Error.WriteLine("usage: Gaia.Client.Interop write|read <hub URL> <app key hex> <dir | manifest.json...>");
    Console.WriteLine("0 passed, 1 failed");
    return 1;
}

using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
var client = new GaiaHubClient(new Uri(args[1]), BucketKey.Parse(args[2]), http);
var (passed, failed) = (0, 0);

async Task CheckAsync(string name, Func<Task> body)
{
    try
    {
        await body();
        passed++;
        Console.WriteLine($"ok - {name}");
    }
    catch (Exception e)
    {
        failed++;
        Console.WriteLine($"not ok - {name}: {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}");
    }
}

if (args[0] == "write")
{
    var dir = Directory.CreateDirectory(args[3]).FullName;
    var run = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
    var manifest = new List<ManifestEntry>();
    foreach (var mode in new[] { "encrypted", "encrypted-signed", "signed" })
    {
        foreach (var (kind, size) in new[] { ("text", 0), ("text", 1 << 20), ("binary", 0), ("binary", 1 << 20) })
        {
            var name = $"{mode}-{kind}-{size}";
            var entry = new ManifestEntry($"interop-{run}/dotnet/{name}{(kind == "text" ? ".txt" : ".bin")}", kind, mode, name);
            var options = new PutFileOptions { Encrypt = mode != "signed", Sign = mode != "encrypted", CipherTextEncoding = CipherTextEncoding.Base64 };
            await CheckAsync($"PutFileAsync {entry.Path} ({mode})", async () =>
            {
                var bytes = kind == "text" ? Encoding.UTF8.GetBytes(Text(size)) : RandomNumberGenerator.GetBytes(size);
                _ = kind == "text"
                    ? await client.PutFileAsync(entry.Path, Text(size), options)
                    : await client.PutFileAsync(entry.Path, new MemoryStream(bytes), options);
                await File.WriteAllBytesAsync(Path.Join(dir, name), bytes);
                manifest.Add(entry);
            });
        }
    }

    await File.WriteAllTextAsync(Path.Join(dir, "dotnet-manifest.json"), JsonSerializer.Serialize(manifest, ManifestJson.Default.ListManifestEntry));
}
else
{
    foreach (var manifestPath in args[3..])
    {
        var entries = JsonSerializer.Deserialize(await File.ReadAllTextAsync(manifestPath), ManifestJson.Default.ListManifestEntry)!;
        foreach (var entry in entries)
        {
            await CheckAsync($"GetFileAsync {entry.Path} ({entry.Kind}, {entry.Mode})", async () =>
            {
                var expected = await File.ReadAllBytesAsync(Path.Join(Path.GetDirectoryName(manifestPath), entry.Plaintext));
                var options = new GetFileOptions { Decrypt = entry.Mode != "signed", Verify = entry.Mode != "encrypted" };
                await using var file = await client.GetFileAsync(entry.Path, options);
                var got = await file.ReadAsBytesAsync();
                if (!got.AsSpan().SequenceEqual(expected))
                {
                    throw new InvalidDataException($"{got.Length} bytes differ from the {expected.Length} written");
                }

                if (file.WasString != (entry.Kind == "text"))
                {
                    throw new InvalidDataException($"wasString is {file.WasString} for {entry.Kind}");
                }
            });
        }
    }
}

Console.WriteLine($"{passed} passed, {failed} failed");
return failed > 0 ? 1 : 0;

// Exactly `size` bytes of UTF-8 text with multi-byte characters in it.
static string Text(int size)
{
    var line = Encoding.UTF8.GetBytes("héllo wörld, Gaia 🌞 from Gaia.Client\n");
    var bytes = new byte[size];
    bytes.AsSpan().Fill((byte)'x');
    for (var at = 0; at + line.Length <= size; at += line.Length)
    {
        line.CopyTo(bytes, at);
    }

    return Encoding.UTF8.GetString(bytes);
}
