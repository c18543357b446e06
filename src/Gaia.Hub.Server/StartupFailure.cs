using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Gaia.Hub.Server;

/// <summary>
/// Turns what stops the hub at start (a bad setting, an address that cannot be bound) into one line on standard error
/// naming the setting and the problem, and exit code 1: no stack trace.
/// </summary>
internal static partial class StartupFailure
{
    public const int ExitCode = 1;

    /// <summary>The category of the host's own "Hosting failed to start" error, which would repeat the failure with a stack trace.</summary>
    private const string HostCategory = "Microsoft.Extensions.Hosting.Internal.Host";

    /// <summary>
    /// Keeps the host's errors out of the log until it has started (the failure is reported by <see cref="Report"/>
    /// instead); its warnings, and its errors once running, are logged as usual.
    /// </summary>
    public static WebApplicationBuilder ReportStartFailuresInOneLine(this WebApplicationBuilder builder)
    {
        var started = new StartedFlag();
        builder.Services.AddSingleton(started);
        builder.Logging.AddFilter(HostCategory, level => level >= LogLevel.Warning && (started.IsSet || level < LogLevel.Error));
        return builder;
    }

    /// <summary>Runs the settings checks (ValidateOnStart) now, before the host starts, and notes when it has started.</summary>
    public static WebApplication ValidateSettings(this WebApplication app)
    {
        app.Services.GetService<IStartupValidator>()?.Validate();
        if (app.Services.GetService<StartedFlag>() is { } started)
        {
            app.Lifetime.ApplicationStarted.Register(started.Set);
        }

        return app;
    }

    public static int Report(Exception exception, TextWriter? error = null)
    {
        (error ?? Console.Error).WriteLine($"gaia-hub: {Describe(exception)}");
        return ExitCode;
    }

    public static string Describe(Exception exception)
    {
        var e = exception is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerExceptions[0] : exception;
        return OneLine(e switch
        {
            OptionsValidationException invalid => "bad setting: " + string.Join("; ", invalid.Failures),
            InvalidOperationException when ConversionFailure().Match(e.Message) is { Success: true } match =>
                $"bad setting: {match.Groups["key"].Value} {Expected(match.Groups["type"].Value)} ({e.InnerException?.Message ?? e.Message})",
            IOException when e.Message.Contains("bind", StringComparison.OrdinalIgnoreCase) =>
                $"cannot listen: {e.Message} (set the address with --urls, URLS or ASPNETCORE_URLS)",
            FormatException or ArgumentException when e.StackTrace?.Contains("Kestrel", StringComparison.Ordinal) == true
                || e.Message.Contains("url", StringComparison.OrdinalIgnoreCase) =>
                $"bad setting: Urls (--urls, URLS or ASPNETCORE_URLS): {e.Message}",
            _ => $"could not start: {e.GetType().Name}: {e.Message}",
        });
    }

    private static string Expected(string typeName)
    {
        var type = AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetType(typeName)).FirstOrDefault(t => t is not null);
        return type switch
        {
            { IsEnum: true } => $"must be one of {string.Join(", ", Enum.GetNames(type))}",
            _ when typeName is "System.Int32" or "System.Int64" => "must be a whole number",
            _ when typeName is "System.Double" or "System.Decimal" => "must be a number",
            _ when typeName == "System.Boolean" => "must be true or false",
            _ => $"must be a {typeName}",
        };
    }

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries));

    private sealed class StartedFlag
    {
        private volatile bool set;

        public bool IsSet => set;

        public void Set() => set = true;
    }

    [GeneratedRegex("at '(?<key>[^']+)' to type '(?<type>[^']+)'")]
    private static partial Regex ConversionFailure();
}
