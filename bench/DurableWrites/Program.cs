using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

// The disk's own limit for durable small writes, made the way the disk driver makes them: write 1 KiB to a new
// temporary file, fsync it, rename it over the target, from 32 writers at once.
// Usage: Gaia.Bench.DurableWrites DIRECTORY [SECONDS=15] [WRITERS=32] [BYTES=1024] [FSYNC=1] [RECORD=none]
//   FSYNC=0         the same without fsync
//   RECORD=xattr    also give each temporary file a 57-byte extended attribute before the fsync, which is the disk
//                   driver's pattern where the file system has extended attributes (Linux)
//   RECORD=sidecar  also replace a small sidecar file per write (temporary file and rename, not fsync'd), which is the
//                   disk driver's pattern elsewhere: data file plus .gaia-metadata record
// Prints: RESULT writes=... seconds=... rps=... p50_us=... p99_us=... (the latency of one whole write)
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: Gaia.Bench.DurableWrites DIRECTORY [SECONDS=15] [WRITERS=32] [BYTES=1024] [FSYNC=1] [RECORD=none|xattr|sidecar]");
    return 2;
}

var root = Path.GetFullPath(args[0]);
var seconds = Argument(1, 15);
var writers = Argument(2, 32);
var payload = new byte[Argument(3, 1024)];
var fsync = Argument(4, 1) != 0;
var mode = args.Length > 5 ? args[5] : "none";
if (mode is not ("none" or "xattr" or "sidecar"))
{
    Console.Error.WriteLine($"unknown RECORD {mode}: none, xattr or sidecar");
    return 2;
}

Array.Fill(payload, (byte)'x');
var record = """{"content-type":"application/octet-stream","etag":"9dd4e461268c8034f5c8564e155c67a6","length":1024,"mtime":639000000000000000}"""u8.ToArray();
var attributeValue = new byte[57];
var (temp, data, metadata) = (Path.Join(root, "tmp"), Path.Join(root, "data"), Path.Join(root, "metadata"));
Directory.CreateDirectory(temp);
Directory.CreateDirectory(data);
Directory.CreateDirectory(metadata);

var clock = Stopwatch.StartNew();
var counts = new long[writers];
var latencies = Enumerable.Range(0, writers).Select(_ => new List<long>(1 << 16)).ToArray();
var threads = Enumerable.Range(0, writers).Select(writer => new Thread(() =>
{
    for (var n = 0; clock.Elapsed.TotalSeconds < seconds; n++)
    {
        var name = $"w{writer}-{n % 64}";
        var started = Stopwatch.GetTimestamp();
        Replace(Path.Join(data, name), payload, fsync, mode == "xattr");
        if (mode == "sidecar")
        {
            Replace(Path.Join(metadata, name), record, flush: false, attribute: false);
        }

        latencies[writer].Add(Stopwatch.GetTimestamp() - started);
        counts[writer]++;
    }
})).ToList();
threads.ForEach(t => t.Start());
threads.ForEach(t => t.Join());
var elapsed = clock.Elapsed.TotalSeconds;
var total = counts.Sum();
var sorted = latencies.SelectMany(l => l).Order().ToArray();
double Percentile(double p) => sorted.Length == 0 ? 0 : sorted[(int)Math.Min(sorted.Length - 1, p * sorted.Length)] * 1e6 / Stopwatch.Frequency;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"RESULT writes={total} seconds={elapsed:F2} rps={total / elapsed:F0} p50_us={Percentile(0.5):F0} p99_us={Percentile(0.99):F0} writers={writers} bytes={payload.Length} fsync={(fsync ? 1 : 0)} record={mode}"));
Directory.Delete(root, recursive: true);
return 0;

int Argument(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;

void Replace(string target, byte[] content, bool flush, bool attribute)
{
    var file = Path.Join(temp, Guid.NewGuid().ToString("N"));
    using (var stream = new FileStream(file, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0))
    {
        stream.Write(content);
        if (attribute && Native.SetAttribute(stream.SafeFileHandle, "user.gaia", attributeValue, (nuint)attributeValue.Length, 0) != 0)
        {
            throw new IOException($"fsetxattr failed: errno {Marshal.GetLastPInvokeError()}");
        }

        if (flush)
        {
            stream.Flush(flushToDisk: true);
        }
    }

    File.Move(file, target, overwrite: true);
}

internal static partial class Native
{
    [LibraryImport("libc", EntryPoint = "fsetxattr", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int SetAttribute(SafeFileHandle handle, string name, byte[] value, nuint size, int flags);
}
