using System.Buffers;

// The web stack's own limit on this machine: Kestrel and minimal-API routing with nothing of the hub behind them.
// GET /bare answers the same 1 KiB the hub's read phase reads; POST /bare/{**rest} drains a body (the store phase's
// 1 KiB) and answers a JSON body the size of the hub's store answer. Usage: BareEndpoint --urls http://127.0.0.1:PORT
var payload = new byte[1024];
Array.Fill(payload, (byte)'x');
var stored = """{"publicURL":"http://127.0.0.1:3000/read/1BenchBenchBenchBenchBenchBenchBe/bench/f0-0","etag":"9dd4e461268c8034f5c8564e155c67a6"}"""u8.ToArray();

var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
var app = builder.Build();
app.MapGet("/bare", () => TypedResults.Bytes(payload, "application/octet-stream"));
app.MapPost("/bare/{**rest}", async (HttpRequest request) =>
{
    var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
    try
    {
        while (await request.Body.ReadAsync(buffer, request.HttpContext.RequestAborted) > 0)
        {
        }
    }
    finally
    {
        ArrayPool<byte>.Shared.Return(buffer);
    }

    var response = request.HttpContext.Response;
    response.StatusCode = StatusCodes.Status202Accepted;
    response.ContentType = "application/json";
    response.ContentLength = stored.Length;
    await response.Body.WriteAsync(stored, request.HttpContext.RequestAborted);
});
app.MapGet("/healthz", () => "healthy");
app.Run();
