using System.Diagnostics;
using System.Globalization;

// The disk's own limit for durable small writes, made the way the disk driver makes them: write 1 KiB to a new
// temporary file, fsync it, rename it over the target, from 32 writers at once.
// Usage: Gaia.Bench.DurableWrites DIRECTORY [SECONDS=15] [WRITERS=32] [BYTES=1024] [FSYNC=1] [SIDECAR=0]
//   FSYNC=0    the same without fsync
//   SIDECAR=1  also replace a small sidecar file per write (temporary file and rename, not fsync'd), which is the disk
//              driver's full pattern: data file plus .gaia-metadata record
// Prints: RESULT writes=... seconds=... rps=...
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: Gaia.Bench.DurableWrites DIRECTORY [SECONDS=15] [WRITERS=32] [BYTES=1024] [FSYNC=1] [SIDECAR=0]");
    return 2;
}

var root = Path.GetFullPath(args[0]);
var seconds = Argument(1, 15);
var writers = Argument(2, 32);
var payload = new byte[Argument(3, 1024)];
var fsync = Argument(4, 1) != 0;
var sidecar = Argument(5, 0) != 0;
Array.Fill(payload, (byte)'x');
var record = """{"content-type":"application/octet-stream","etag":"9dd4e461268c8034f5c8564e155c67a6","length":1024,"mtime":639000000000000000}"""u8.ToArray();
var (temp, data, metadata) = (Path.Join(root, "tmp"), Path.Join(root, "data"), Path.Join(root, "metadata"));
Directory.CreateDirectory(temp);
Directory.CreateDirectory(data);
Directory.CreateDirectory(metadata);

var clock = Stopwatch.StartNew();
var counts = new long[writers];
var threads = Enumerable.Range(0, writers).Select(writer => new Thread(() =>
{
    for (var n = 0; clock.Elapsed.TotalSeconds < seconds; n++)
    {
        var name = $"w{writer}-{n % 64}";
        Replace(Path.Join(data, name), payload, fsync);
        if (sidecar)
        {
            Replace(Path.Join(metadata, name), record, flush: false);
        }

        counts[writer]++;
    }
})).ToList();
threads.ForEach(t => t.Start());
threads.ForEach(t => t.Join());
var elapsed = clock.Elapsed.TotalSeconds;
var total = counts.Sum();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"RESULT writes={total} seconds={elapsed:F2} rps={total / elapsed:F0} writers={writers} bytes={payload.Length} fsync={(fsync ? 1 : 0)} sidecar={(sidecar ? 1 : 0)}"));
Directory.Delete(root, recursive: true);
return 0;

int Argument(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;

void Replace(string target, byte[] content, bool flush)
{
    var file = Path.Join(temp, Guid.NewGuid().ToString("N"));
    using (var stream = new FileStream(file, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0))
    {
        stream.Write(content);
        if (flush)
        {
            stream.Flush(flushToDisk: true);
        }
    }

    File.Move(file, target, overwrite: true);
}
