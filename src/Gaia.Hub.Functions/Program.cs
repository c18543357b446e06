using Gaia.Hub.Functions;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<GaiaAuthorizationMiddleware>();
builder.AddGaiaFunctions();
builder.AddFunctionsTelemetry();
builder.Build().Run();
