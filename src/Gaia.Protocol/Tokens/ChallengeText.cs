using System.Text.Json;

namespace Gaia.Protocol;

/// <summary>The challenge texts a hub accepts: the advertised one and the two legacy ones (spec 3.2).</summary>
public static class ChallengeText
{
    public static string For(string serverName) => Build("0", serverName);

    public static IReadOnlyList<string> AcceptedFor(string serverName) =>
        [Build("0", serverName), Build("2018", serverName), Build("2019", serverName)];

    private static string Build(string version, string serverName) =>
        JsonSerializer.Serialize(new[] { "gaiahub", version, serverName, "blockstack_storage_please_sign" }, GaiaAuthJson.Default.StringArray);
}
