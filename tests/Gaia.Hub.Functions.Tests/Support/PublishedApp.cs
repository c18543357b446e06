using Gaia.Hub.IntegrationTests;

namespace Gaia.Hub.Functions.Tests.Support;

/// <summary>
/// The published Functions app the worker tests run: GAIA_FUNCTIONS_APP when set (tests/run-all.sh publishes once per
/// run and sets it), else artifacts/functions-app (where tests/run-functions-host.sh publishes). A missing or stale app
/// fails the tests with the command that fixes it: a test must never run an older build of the app than it was built with.
/// </summary>
internal static class PublishedApp
{
    public const string Variable = "GAIA_FUNCTIONS_APP";
    private const string Assembly = "Gaia.Hub.Functions.dll";

    public static string Find()
    {
        var root = RepositoryRoot.Find();
        var app = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } given ? given : Path.Join(root, "artifacts", "functions-app");
        var fix = $"Publish it: dotnet publish src/Gaia.Hub.Functions -c Release -o artifacts/functions-app (or set {Variable}).";
        var published = Path.Join(app, Assembly);
        if (!File.Exists(published) || !File.Exists(Path.Join(app, "functions.metadata")))
        {
            throw new InvalidOperationException($"No published Functions app in {app}. {fix}");
        }

        var built = Path.Join(AppContext.BaseDirectory, Assembly);
        if (File.Exists(built) && !SameBytes(built, published) && File.GetLastWriteTimeUtc(built) > File.GetLastWriteTimeUtc(published))
        {
            throw new InvalidOperationException($"The Functions app in {app} is older than the one these tests were built with. {fix}");
        }

        return app;
    }

    private static bool SameBytes(string a, string b) => File.ReadAllBytes(a).AsSpan().SequenceEqual(File.ReadAllBytes(b));
}
