using Gaia.Hub;
using Gaia.Hub.Http;
using Gaia.Hub.S3;
using Gaia.Hub.Server;

try
{
    var builder = WebApplication.CreateBuilder(ServerSettings.OptionsFor(args));
    builder.AddGaiaServerLimits();
    builder.ReportStartFailuresInOneLine().UseDefaultUrlsUnlessSet().AddGaiaHub(addS3Storage: services => services.AddS3Storage());
    builder.AddPrometheusWhenEnabled();

    var app = builder.Build();
    app.UseGaiaHub();
    app.UseMiddleware<RequestLimit>();
    app.MapGaiaHub();
    app.MapPrometheusWhenEnabled();
    app.ValidateSettings().Run();
    return 0;
}
catch (Exception e) when (e is not HostAbortedException)
{
    return StartupFailure.Report(e);
}

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
