namespace Microsoft.Azure.Functions.Worker.Builder;

/// <summary>
/// Facade of <c>extensions/Worker.Extensions.Http.AspNetCore/src/FunctionsApplicationBuilderAspNetCoreExtensions.cs</c>:
/// the parameterless <see cref="ConfigureFunctionsWebApplication"/> only.
/// </summary>
public static class FunctionsApplicationBuilderAspNetCoreExtensions
{
    /// <summary>Upstream switches the worker to the ASP.NET Core integration (HttpRequest in, IActionResult out).</summary>
    public static FunctionsApplicationBuilder ConfigureFunctionsWebApplication(this FunctionsApplicationBuilder builder) =>
        throw FacadeOnly.NotSupported(nameof(ConfigureFunctionsWebApplication));
}
