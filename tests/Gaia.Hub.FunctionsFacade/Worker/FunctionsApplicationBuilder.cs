using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Microsoft.Azure.Functions.Worker.Builder;

/// <summary>
/// Facade of <c>src/DotNetWorker/Builder/FunctionsApplicationBuilder.cs</c>: the same interfaces and public members.
/// No instance can exist (<see cref="FunctionsApplication.CreateBuilder"/> throws), so every member throws.
/// </summary>
public class FunctionsApplicationBuilder : IHostApplicationBuilder, IFunctionsWorkerApplicationBuilder
{
    internal FunctionsApplicationBuilder()
    {
    }

    /// <inheritdoc/>
    public IDictionary<object, object> Properties => throw FacadeOnly.NotSupported(nameof(Properties));

    /// <inheritdoc/>
    IConfigurationManager IHostApplicationBuilder.Configuration => Configuration;

    /// <summary>Gets the application's configuration.</summary>
    public ConfigurationManager Configuration => throw FacadeOnly.NotSupported(nameof(Configuration));

    /// <inheritdoc/>
    public IHostEnvironment Environment => throw FacadeOnly.NotSupported(nameof(Environment));

    /// <inheritdoc/>
    public ILoggingBuilder Logging => throw FacadeOnly.NotSupported(nameof(Logging));

    /// <inheritdoc/>
    public IMetricsBuilder Metrics => throw FacadeOnly.NotSupported(nameof(Metrics));

    /// <inheritdoc cref="IHostApplicationBuilder.Services"/>
    public IServiceCollection Services => throw FacadeOnly.NotSupported(nameof(Services));

    /// <summary>Upstream builds the worker host.</summary>
    public IHost Build() => throw FacadeOnly.NotSupported(nameof(Build));

    /// <inheritdoc/>
    public void ConfigureContainer<TContainerBuilder>(
        IServiceProviderFactory<TContainerBuilder> factory, Action<TContainerBuilder>? configure = null)
        where TContainerBuilder : notnull =>
        throw FacadeOnly.NotSupported(nameof(ConfigureContainer));

    /// <inheritdoc/>
    public IFunctionsWorkerApplicationBuilder Use(Func<FunctionExecutionDelegate, FunctionExecutionDelegate> middleware) =>
        throw FacadeOnly.NotSupported(nameof(Use));
}
