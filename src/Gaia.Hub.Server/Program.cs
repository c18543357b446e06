using Gaia.Hub;
using Gaia.Hub.Http;

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
builder.AddGaiaHub();

var app = builder.Build();
app.UseGaiaHub();
app.MapGaiaHub();
app.Run();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
