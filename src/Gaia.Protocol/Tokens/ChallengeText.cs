using System.Text.Json;

namespace Gaia.Protocol;

/// <summary>The challenge texts a hub accepts: the advertised one and the two legacy ones (spec 3.2).</summary>
public static class ChallengeText
{
    /// <summary>The challenge a hub named <paramref name="serverName"/> advertises in hub_info.</summary>
    public static string For(string serverName) => Build("0", serverName);

    /// <summary>The advertised challenge and the 2018 and 2019 ones that legacy tokens may sign.</summary>
    public static IReadOnlyList<string> AcceptedFor(string serverName) =>
        [Build("0", serverName), Build("2018", serverName), Build("2019", serverName)];

    private static string Build(string version, string serverName) =>
        JsonSerializer.Serialize(new[] { "gaiahub", version, serverName, "blockstack_storage_please_sign" }, GaiaAuthJson.Default.StringArray);
}
