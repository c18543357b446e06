using Gaia.Hub;
using Gaia.Hub.Http;
using Gaia.Hub.S3;
using Gaia.Hub.Server;

var builder = WebApplication.CreateBuilder(args);
builder.AddGaiaServerLimits();
builder.AddGaiaHub(addS3Storage: services => services.AddS3Storage());

var app = builder.Build();
app.UseGaiaHub();
app.UseMiddleware<RequestLimit>();
app.MapGaiaHub();
app.Run();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
