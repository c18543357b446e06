using System.Diagnostics;
using System.Text;
using Gaia.Hub.Configuration;
using Gaia.Hub.Storage;
using Gaia.Hub.Storage.Disk;
using Microsoft.Extensions.Options;

namespace Gaia.Hub.Tests.Storage;

/// <summary>What the disk driver's write path does with odd things found on disk.</summary>
public sealed class DiskWriteTests : IDisposable
{
    private const string Bucket = "1DiskWriteBucket";
    private readonly string root = Directory.CreateTempSubdirectory("gaia-write-").FullName;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public async Task AStoreOverAFifoPlacedByHandReplacesItWithoutWaitingForAWriter()
    {
        Assert.True(OperatingSystem.IsLinux(), "mkfifo is used here");
        var fifo = Path.Join(root, Bucket, "pipe");
        Directory.CreateDirectory(Path.GetDirectoryName(fifo)!);
        using (var mkfifo = Process.Start("mkfifo", fifo))
        {
            await mkfifo.WaitForExitAsync(Token);
            Assert.Equal(0, mkfifo.ExitCode);
        }

        var driver = new DiskStorageDriver(Options.Create(new DiskStorageOptions { RootDirectory = root, Durable = false }));
        var write = driver.WriteAsync(new WriteRequest(Bucket, "pipe", new MemoryStream("bytes"u8.ToArray()), "text/plain", WriteCondition.None), Token);

        await write.WaitAsync(TimeSpan.FromSeconds(10), Token);
        Assert.Equal("bytes", Encoding.UTF8.GetString(await File.ReadAllBytesAsync(fifo, Token)));
    }
}
