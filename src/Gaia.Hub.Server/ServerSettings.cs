namespace Gaia.Hub.Server;

/// <summary>
/// Where the self-hosted server reads its settings from and listens when nothing says otherwise: appsettings.json
/// next to the program (whatever the working directory), and http://localhost:3000 unless <c>--urls</c>,
/// <c>URLS</c>, <c>ASPNETCORE_URLS</c>, <c>Urls</c> in a settings file, the <c>HTTP_PORTS</c>/<c>HTTPS_PORTS</c>
/// variables or <c>Kestrel:Endpoints</c> name an address (those keep ASP.NET's own precedence).
/// </summary>
internal static class ServerSettings
{
    public const string DefaultUrl = "http://localhost:3000";

    private static readonly string[] AddressKeys = ["urls", "http_ports", "https_ports"];

    /// <summary>The program's folder as content root, unless <c>--contentRoot</c> or an environment variable sets one.</summary>
    public static WebApplicationOptions OptionsFor(string[] args, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var explicitRoot = args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(environment("ASPNETCORE_CONTENTROOT"))
            || !string.IsNullOrEmpty(environment("DOTNET_CONTENTROOT"));
        return new WebApplicationOptions { Args = args, ContentRootPath = explicitRoot ? null : AppContext.BaseDirectory };
    }

    /// <summary>Listens on <see cref="DefaultUrl"/> when no setting names an address.</summary>
    public static WebApplicationBuilder UseDefaultUrlsUnlessSet(this WebApplicationBuilder builder)
    {
        if (NeedsDefaultUrl(builder.Configuration))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        return builder;
    }

    public static bool NeedsDefaultUrl(IConfiguration configuration) =>
        AddressKeys.All(key => string.IsNullOrWhiteSpace(configuration[key]))
        && !configuration.GetSection("Kestrel:Endpoints").GetChildren().Any();
}
