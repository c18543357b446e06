namespace Microsoft.Azure.Functions.Worker.Builder;

/// <summary>Facade of <c>src/DotNetWorker/Builder/FunctionsApplication.cs</c> (package Microsoft.Azure.Functions.Worker).</summary>
public static class FunctionsApplication
{
    /// <summary>Upstream creates a <see cref="FunctionsApplicationBuilder"/> with the worker's defaults; the facade cannot.</summary>
    public static FunctionsApplicationBuilder CreateBuilder(string[] args) =>
        throw FacadeOnly.NotSupported(nameof(CreateBuilder));
}
