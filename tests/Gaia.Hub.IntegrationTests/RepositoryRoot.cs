using System.Reflection;

namespace Gaia.Hub.IntegrationTests;

/// <summary>The folder that holds GaiaFunctions.sln, package.json and (after <c>npm ci</c>) node_modules.</summary>
internal static class RepositoryRoot
{
    private const string Marker = "GaiaFunctions.sln";

    /// <summary>Walks up from the test binaries and the working folder; falls back to where the project was built from.</summary>
    public static string Find()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Join(directory.FullName, Marker)))
                {
                    return directory.FullName;
                }
            }
        }

        var built = typeof(RepositoryRoot).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        return built is not null && File.Exists(Path.Join(built, Marker))
            ? built
            : throw new InvalidOperationException($"Cannot find the repository root ({Marker}) above {AppContext.BaseDirectory}.");
    }
}
