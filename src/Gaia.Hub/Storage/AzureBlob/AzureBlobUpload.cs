using System.Buffers;
using System.Buffers.Binary;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace Gaia.Hub.Storage.AzureBlob;

/// <summary>
/// An upload taken from the request stream one block at a time. A file that fits in one block stays in that buffer
/// and is sent in a single request at commit; a larger one is staged block by block (never held whole in memory) and
/// committed as a block list. Nothing is visible before the commit: when the stream fails (413, client gone) the
/// staged blocks stay uncommitted and storage discards them.
/// </summary>
internal sealed class AzureBlobUpload : IDisposable
{
    private readonly byte[] buffer;
    private readonly int length;
    private readonly List<string>? blocks;

    private AzureBlobUpload(byte[] buffer, int length, List<string>? blocks) => (this.buffer, this.length, this.blocks) = (buffer, length, blocks);

    public static async Task<AzureBlobUpload> ReadAsync(BlockBlobClient blob, Stream content, int blockSize, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(blockSize);
        try
        {
            var length = await content.ReadAtLeastAsync(buffer.AsMemory(0, blockSize), blockSize, false, cancellationToken);
            if (length < blockSize)
            {
                return new AzureBlobUpload(buffer, length, null);
            }

            var upload = Guid.NewGuid();
            var blocks = new List<string>();
            while (length > 0)
            {
                var id = BlockIdOf(upload, blocks.Count);
                using (var block = new MemoryStream(buffer, 0, length, writable: false))
                {
                    await blob.StageBlockAsync(id, block, cancellationToken: cancellationToken);
                }

                blocks.Add(id);
                length = await content.ReadAtLeastAsync(buffer.AsMemory(0, blockSize), blockSize, false, cancellationToken);
            }

            return new AzureBlobUpload(buffer, 0, blocks);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    /// <summary>Makes the upload the blob's current version, if <paramref name="conditions"/> hold at that moment.</summary>
    public async Task<BlobContentInfo> CommitAsync(
        BlockBlobClient blob, BlobHttpHeaders headers, BlobRequestConditions? conditions, CancellationToken cancellationToken)
    {
        if (blocks is not null)
        {
            var commit = new CommitBlockListOptions { HttpHeaders = headers, Conditions = conditions };
            return await blob.CommitBlockListAsync(blocks, commit, cancellationToken);
        }

        using var content = new MemoryStream(buffer, 0, length, writable: false);
        return await blob.UploadAsync(content, new BlobUploadOptions { HttpHeaders = headers, Conditions = conditions }, cancellationToken);
    }

    public void Dispose() => ArrayPool<byte>.Shared.Return(buffer);

    /// <summary>Ids of one length for every upload (Azure requires that per blob): a random upload id and the block number.</summary>
    private static string BlockIdOf(Guid upload, int index)
    {
        Span<byte> id = stackalloc byte[20];
        upload.TryWriteBytes(id);
        BinaryPrimitives.WriteInt32BigEndian(id[16..], index);
        return Convert.ToBase64String(id);
    }
}
