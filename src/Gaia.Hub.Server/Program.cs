using Gaia.Hub;
using Gaia.Hub.Http;
using Gaia.Hub.S3;

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
builder.AddGaiaHub(addS3Storage: services => services.AddS3Storage());

var app = builder.Build();
app.UseGaiaHub();
app.MapGaiaHub();
app.Run();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
