using System.Collections.Immutable;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Gaia.Hub.Functions.Tests.Support;

/// <summary>
/// A <see cref="FunctionContext"/> as the worker makes one for an HTTP invocation under the ASP.NET Core integration:
/// the function's name, and the request's HttpContext in <see cref="Items"/> under the key that upstream's
/// FunctionsHttpProxyingMiddleware writes and <c>GetHttpContext()</c> reads. What the hub never reads throws.
/// </summary>
internal sealed class TestFunctionContext : FunctionContext
{
    /// <summary>Constants.HttpContextKey of Microsoft.Azure.Functions.Worker.Extensions.Http.AspNetCore.</summary>
    public const string HttpContextKey = "HttpRequestContext";

    public TestFunctionContext(string functionName, HttpContext? httpContext, IServiceProvider services)
    {
        FunctionDefinition = new Definition(functionName);
        InstanceServices = services;
        if (httpContext is not null)
        {
            Items[HttpContextKey] = httpContext;
        }
    }

    public override string InvocationId { get; } = Guid.NewGuid().ToString();

    public override string FunctionId => FunctionDefinition.Id;

    public override TraceContext TraceContext => throw new NotSupportedException();

    public override BindingContext BindingContext => throw new NotSupportedException();

    public override RetryContext RetryContext => throw new NotSupportedException();

    public override IServiceProvider InstanceServices { get; set; }

    public override FunctionDefinition FunctionDefinition { get; }

    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

    public override IInvocationFeatures Features => throw new NotSupportedException();

    private sealed class Definition(string name) : FunctionDefinition
    {
        public override ImmutableArray<FunctionParameter> Parameters => [];

        public override string PathToAssembly => typeof(HubFunctions).Assembly.Location;

        public override string EntryPoint => $"{typeof(HubFunctions).FullName}.{name}";

        public override string Id => $"{name}-id";

        public override string Name => name;

        public override IImmutableDictionary<string, BindingMetadata> InputBindings => ImmutableDictionary<string, BindingMetadata>.Empty;

        public override IImmutableDictionary<string, BindingMetadata> OutputBindings => ImmutableDictionary<string, BindingMetadata>.Empty;
    }
}
