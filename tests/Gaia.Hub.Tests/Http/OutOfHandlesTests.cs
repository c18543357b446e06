using System.Net;
using Gaia.Hub.Storage;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Gaia.Hub.Tests.Http;

/// <summary>
/// Storage that cannot open another file (EMFILE/ENFILE: the process or the system is out of file descriptors) answers
/// 503 ServiceUnavailableError as JSON with CORS and Retry-After, not a 500 (issue 11).
/// </summary>
public sealed class OutOfHandlesTests
{
    private const int EMFILE = 24, ENFILE = 23;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(EMFILE)]
    [InlineData(ENFILE)]
    public async Task StorageOutOfFileDescriptorsIs503WithRetryAfterOnReadAndStore(int errno)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        await using var hub = new HubApplication();
        await using var app = hub.WithWebHostBuilder(builder =>
            builder.ConfigureTestServices(services => services.AddSingleton<IStorageDriver>(new OutOfHandlesDriver(errno))));
        using var client = app.CreateClient(new() { BaseAddress = new Uri(HubApplication.PublicUrl) });

        using var read = await client.GetAsync(new Uri($"/read/{HubRequests.Owner}/a.txt", UriKind.Relative), Ct);
        await AssertBusyAsync(read);
        using var store = await client.SendAsync(HubRequests.Store("a.txt", [1], HubRequests.OwnerToken()), Ct);
        await AssertBusyAsync(store);
    }

    private static async Task AssertBusyAsync(HttpResponseMessage response)
    {
        var body = await HubAssert.ErrorAsync(response, HttpStatusCode.ServiceUnavailable, "ServiceUnavailableError");
        Assert.Equal("The hub is too busy to open more files; try again shortly.", body.GetProperty("message").GetString());
        Assert.Equal("1", HubAssert.Header(response, "Retry-After"));
    }

    private sealed class OutOfHandlesDriver(int errno) : IStorageDriver
    {
        private IOException Failure() => new("Too many open files", errno);

        public Task<string> WriteAsync(WriteRequest request, CancellationToken cancellationToken = default) => throw Failure();

        public Task<StoredFile?> ReadAsync(string bucket, string path, CancellationToken cancellationToken = default) => throw Failure();

        public Task<FileStat?> StatAsync(string bucket, string path, CancellationToken cancellationToken = default) => throw Failure();

        public Task<bool> DeleteAsync(string bucket, string path, CancellationToken cancellationToken = default) => throw Failure();

        public Task<bool> RenameAsync(string bucket, string path, string newPath, CancellationToken cancellationToken = default) =>
            throw Failure();

        public Task<ListPage> ListAsync(ListRequest request, CancellationToken cancellationToken = default) => throw Failure();
    }
}
