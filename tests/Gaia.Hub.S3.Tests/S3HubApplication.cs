using System.Net;
using Amazon.S3;
using Gaia.Hub.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Gaia.Hub.S3.Tests;

/// <summary>
/// The self-hosted server's Program on <c>Gaia:Driver = s3</c> over one test bucket, as server "test-server", with
/// S3's smallest part size. <c>httpClientFactory</c> replaces the S3 client's HTTP (e.g. to drop conditional headers);
/// <c>onLoopback</c> runs it on Kestrel at 127.0.0.1 for tests that need a real socket.
/// </summary>
internal sealed class S3HubApplication(
    MotoFixture moto, S3TestStorage storage, IReadOnlyDictionary<string, string>? overrides = null,
    ConditionHeadersHttpClientFactory? httpClientFactory = null, bool onLoopback = false) : WebApplicationFactory<Program>
{
    public Uri ServerAddress => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());

    public HttpClient CreateLoopbackClient()
    {
        StartServer();
        return new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = ServerAddress };
    }

    /// <summary>Settings go in as host settings, so they are already visible while the services are registered.</summary>
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var settings = new Dictionary<string, string>
        {
            ["Gaia:Driver"] = "s3", ["Gaia:ServerName"] = TestTokens.ServerName,
            ["Gaia:S3:Bucket"] = storage.BucketName, ["Gaia:S3:ServiceUrl"] = moto.ServiceUrl, ["Gaia:S3:ForcePathStyle"] = "true",
            ["Gaia:S3:AccessKeyId"] = "test", ["Gaia:S3:SecretAccessKey"] = "test", ["Gaia:S3:PartSizeBytes"] = $"{S3StorageOptionsValidator.MinPartSize}",
            ["Logging:LogLevel:Default"] = "Warning", ["Logging:LogLevel:Microsoft.AspNetCore"] = "Error",
        };
        foreach (var (key, value) in settings.Concat(overrides ?? new Dictionary<string, string>()))
        {
            builder.UseSetting(key, value);
        }

        if (httpClientFactory is not null)
        {
            builder.ConfigureTestServices(services => services.AddSingleton<IAmazonS3>(
                S3Clients.Create(moto.Options(storage.BucketName), httpClientFactory)));
        }

        if (onLoopback)
        {
            UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        }
    }
}
