using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Gaia.Hub.IntegrationTests;

namespace Gaia.Hub.Functions.Tests.Support;

/// <summary>
/// The published Functions app the worker tests run: GAIA_FUNCTIONS_APP when set (tests/run-all.sh publishes once per
/// run and sets it), else artifacts/functions-app (where tests/run-functions-host.sh publishes). A missing app, or one
/// from another build than the one these tests reference, fails the tests with the command that fixes it.
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
        if (ModuleVersionId(built) != ModuleVersionId(published))
        {
            throw new InvalidOperationException($"The Functions app in {app} is not the build these tests were built with. {fix}");
        }

        return app;
    }

    /// <summary>The assembly's MVID: the same for the same deterministic build, kept by ReadyToRun compilation.</summary>
    private static Guid ModuleVersionId(string assembly)
    {
        using var stream = File.OpenRead(assembly);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        return metadata.GetGuid(metadata.GetModuleDefinition().Mvid);
    }
}
