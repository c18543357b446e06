using System.Globalization;
using System.Text;
using Gaia.Hub.Errors;
using Gaia.Hub.Storage;

namespace Gaia.Hub.Tests.Storage;

/// <summary>This part: preconditions, archival, failed uploads, concurrent writers and bad paths.</summary>
public abstract partial class StorageDriverContract
{
    [Fact]
    public async Task IfNoneMatchStarRefusesAnExistingFileAndNamesItsETag()
    {
        var etag = await WriteAsync("p.txt", "one"u8.ToArray());

        var error = await Assert.ThrowsAsync<GaiaException>(() => WriteAsync("p.txt", "two"u8.ToArray(), condition: WriteCondition.MustNotExist));

        Assert.Equal((GaiaError.PreconditionFailedError, etag), (error.Error, error.CurrentETag));
        Assert.Equal("one"u8.ToArray(), await ReadBytesAsync("p.txt"));
    }

    [Fact]
    public async Task IfNoneMatchStarCreatesAMissingFile()
    {
        var etag = await WriteAsync("new.txt", "one"u8.ToArray(), condition: WriteCondition.MustNotExist);

        Assert.Equal(etag, (await Driver.StatAsync(Bucket, "new.txt", Token))!.ETag);
    }

    [Fact]
    public async Task IfMatchWithTheCurrentETagReplacesTheFileQuotedOrNot()
    {
        var first = await WriteAsync("m.txt", "one"u8.ToArray());
        var second = await WriteAsync("m.txt", "two"u8.ToArray(), condition: WriteCondition.Match(first));
        await WriteAsync("m.txt", "three"u8.ToArray(), condition: WriteCondition.Match($"\"{second}\""));

        Assert.Equal("three"u8.ToArray(), await ReadBytesAsync("m.txt"));
    }

    [Fact]
    public async Task IfMatchWithAnOldETagFailsAndKeepsTheFile()
    {
        var old = await WriteAsync("m.txt", "one"u8.ToArray());
        var current = await WriteAsync("m.txt", "two"u8.ToArray());

        var error = await Assert.ThrowsAsync<GaiaException>(() => WriteAsync("m.txt", "three"u8.ToArray(), condition: WriteCondition.Match(old)));

        Assert.Equal((GaiaError.PreconditionFailedError, current), (error.Error, error.CurrentETag));
        Assert.Equal("two"u8.ToArray(), await ReadBytesAsync("m.txt"));
    }

    [Theory]
    [InlineData("0x8D000000000000")]
    [InlineData("*")]
    public async Task IfMatchOnAMissingFileFails(string etag)
    {
        var error = await Assert.ThrowsAsync<GaiaException>(() => WriteAsync("missing.txt", "x"u8.ToArray(), condition: WriteCondition.Match(etag)));

        Assert.Equal((GaiaError.PreconditionFailedError, null), (error.Error, error.CurrentETag));
        Assert.Null(await Driver.StatAsync(Bucket, "missing.txt", Token));
    }

    [Fact]
    public async Task ArchivePathKeepsThePreviousVersion()
    {
        var old = await WriteAsync("doc.json", "{\"v\":1}"u8.ToArray(), "application/json");

        var etag = await WriteAsync("doc.json", "{\"v\":2}"u8.ToArray(), "application/json", WriteCondition.Match(old), ".history.1.x.doc.json");

        Assert.Equal("{\"v\":1}"u8.ToArray(), await ReadBytesAsync(".history.1.x.doc.json"));
        Assert.Equal("application/json", (await Driver.StatAsync(Bucket, ".history.1.x.doc.json", Token))!.ContentType);
        Assert.Equal("{\"v\":2}"u8.ToArray(), await ReadBytesAsync("doc.json"));
        Assert.Equal(etag, (await Driver.StatAsync(Bucket, "doc.json", Token))!.ETag);
    }

    [Fact]
    public async Task ArchivePathOfANewFileArchivesNothing()
    {
        await WriteAsync("fresh.txt", "x"u8.ToArray(), archivePath: ".history.1.x.fresh.txt");

        Assert.Equal(["fresh.txt"], await ListAllAsync());
    }

    [Fact]
    public async Task ConcurrentArchivalWritersLoseNoVersion()
    {
        await WriteAsync("doc.txt", "v-initial"u8.ToArray());
        var payloads = Enumerable.Range(0, 8).Select(i => Encoding.ASCII.GetBytes($"v-{i}")).ToArray();

        var written = await Task.WhenAll(payloads.Select((payload, i) => Task.Run(async () =>
        {
            try
            {
                await WriteAsync("doc.txt", payload, archivePath: $".history.{i}.x.doc.txt");
                return payload;
            }
            catch (GaiaException e) when (e.Error == GaiaError.ConflictError)
            {
                return null;
            }
        }, Token)));

        var kept = new HashSet<string>(StringComparer.Ordinal);
        Assert.Contains(written, w => w is not null);
        foreach (var name in await ListAllAsync())
        {
            kept.Add(Encoding.ASCII.GetString((await ReadBytesAsync(name))!));
        }

        var versions = written.OfType<byte[]>().Select(Encoding.ASCII.GetString).Append("v-initial");
        Assert.Equal(versions.Order(StringComparer.Ordinal), kept.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AFailedConditionArchivesNothing()
    {
        await WriteAsync("doc.txt", "one"u8.ToArray());

        await Assert.ThrowsAsync<GaiaException>(() =>
            WriteAsync("doc.txt", "two"u8.ToArray(), condition: WriteCondition.Match("\"stale\""), archivePath: ".history.1.x.doc.txt"));

        Assert.Equal(["doc.txt"], await ListAllAsync());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AnOversizeUploadKeepsTheOldVersionAndAddsNothing(bool large)
    {
        var etag = await WriteAsync("big.bin", "old"u8.ToArray());
        var (length, limit) = large ? (LargeFileSize * 3, LargeFileSize * 2) : (100, 10);
        var body = new FailingStream(Payload(length, 1), limit, () => GaiaException.PayloadTooLarge(limit));

        var error = await Assert.ThrowsAsync<GaiaException>(() => WriteStreamAsync("big.bin", body, archivePath: ".history.1.x.big.bin"));
        await Assert.ThrowsAsync<GaiaException>(() => WriteStreamAsync("new.bin", new FailingStream(Payload(length, 2), limit, () => GaiaException.PayloadTooLarge(limit))));

        Assert.Equal(GaiaError.PayloadTooLargeError, error.Error);
        Assert.Equal("old"u8.ToArray(), await ReadBytesAsync("big.bin"));
        Assert.Equal(etag, (await Driver.StatAsync(Bucket, "big.bin", Token))!.ETag);
        Assert.Equal(["big.bin"], await ListAllAsync());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AnAbortedUploadKeepsTheOldVersionAndAddsNothing(bool large)
    {
        await WriteAsync("file.bin", "old"u8.ToArray());
        var (length, failAt) = large ? (LargeFileSize * 3, LargeFileSize + 17) : (100, 10);
        var body = new FailingStream(Payload(length, 1), failAt, () => new IOException("The client went away."));

        await Assert.ThrowsAsync<IOException>(() => WriteStreamAsync("file.bin", body));

        Assert.Equal("old"u8.ToArray(), await ReadBytesAsync("file.bin"));
        Assert.Equal(["file.bin"], await ListAllAsync());
    }

    [Fact]
    public async Task ConcurrentWritersLeaveExactlyOneCompletePayload()
    {
        var payloads = Enumerable.Range(0, 16).Select(i => Payload(i % 2 == 0 ? 1000 + i : LargeFileSize + 1000 + i, i)).ToArray();

        var outcomes = await Task.WhenAll(payloads.Select(async payload =>
        {
            try
            {
                await Task.Yield();
                await WriteAsync("shared.bin", payload);
                return payload;
            }
            catch (GaiaException e) when (e.Error == GaiaError.ConflictError)
            {
                return null;
            }
        }));

        var final = await ReadBytesAsync("shared.bin");
        Assert.Contains(outcomes.OfType<byte[]>(), written => written.AsSpan().SequenceEqual(final));
    }

    [Fact]
    public async Task IfMatchLoopsLoseNoUpdate()
    {
        await WriteAsync("counter", "0"u8.ToArray(), condition: WriteCondition.MustNotExist);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(IncrementAsync, Token)));

        Assert.Equal("20"u8.ToArray(), await ReadBytesAsync("counter"));
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("a/../../x")]
    [InlineData("dir/")]
    public async Task PathsThatLeaveTheBucketAreRefused(string path)
    {
        await AssertBadPathAsync(() => WriteAsync(path, "x"u8.ToArray()));
        await AssertBadPathAsync(() => Driver.ReadAsync(Bucket, path, Token));
        await AssertBadPathAsync(() => Driver.StatAsync(Bucket, path, Token));
        await AssertBadPathAsync(() => Driver.DeleteAsync(Bucket, path, Token));
        await AssertBadPathAsync(() => Driver.RenameAsync(Bucket, path, "ok.txt", Token));
        await AssertBadPathAsync(() => Driver.StatAsync("../etc", "passwd", Token));
        Assert.Empty(await ListAllAsync());
    }

    private static async Task AssertBadPathAsync(Func<Task> action) =>
        Assert.Equal(GaiaError.BadPathError, (await Assert.ThrowsAsync<GaiaException>(action)).Error);

    private async Task IncrementAsync()
    {
        for (var attempt = 0; attempt < 500; attempt++)
        {
            string etag;
            int value;
            await using (var file = await Driver.ReadAsync(Bucket, "counter", Token))
            {
                using var reader = new StreamReader(file!.Content, Encoding.ASCII);
                (etag, value) = (file.Stat.ETag, int.Parse(await reader.ReadToEndAsync(Token), CultureInfo.InvariantCulture));
            }

            try
            {
                await WriteAsync("counter", Encoding.ASCII.GetBytes((value + 1).ToString(CultureInfo.InvariantCulture)), condition: WriteCondition.Match(etag));
                return;
            }
            catch (GaiaException e) when (e.Error is GaiaError.PreconditionFailedError or GaiaError.ConflictError)
            {
                await Task.Delay(Random.Shared.Next(1, 10), Token);
            }
        }

        Assert.Fail("An increment never got through.");
    }

    /// <summary>A request body that fails after <c>failAfter</c> bytes, the way the hub's size limit or a lost client does.</summary>
    private sealed class FailingStream(byte[] content, long failAfter, Func<Exception> failure) : Stream
    {
        private readonly MemoryStream inner = new(content, writable: false);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int read) => inner.Position > failAfter ? throw failure() : read;
    }
}
