using Gaia.Hub.Functions.Tests.Support;
using Microsoft.Azure.Functions.Worker;

namespace Gaia.Hub.Functions.Tests;

/// <summary>The <c>[Function]</c> and <c>[HttpTrigger]</c> attributes: the server's routes, one function each, no function keys.</summary>
public sealed class HubFunctionsDefinitionTests
{
    public static TheoryData<string, string, string[]> Routes => new()
    {
        { HubFunctions.HubInfoName, "hub_info", ["get", "head"] },
        { HubFunctions.StoreName, "store/{*rest}", ["post"] },
        { HubFunctions.DeleteName, "delete/{*rest}", ["delete"] },
        { HubFunctions.ListFilesName, "list-files/{*rest}", ["post"] },
        { HubFunctions.RevokeAllName, "revoke-all/{*rest}", ["post"] },
        { HubFunctions.ReadName, "read/{*rest}", ["get", "head"] },
        { HubFunctions.PreflightName, "{*path}", ["options"] },
        { HubFunctions.LivenessName, "healthz", ["get", "head"] },
        { HubFunctions.ReadinessName, "healthz/ready", ["get", "head"] },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public void EachRouteOfTheServerHasAnAnonymousFunctionWithTheSameTemplateAndMethods(string name, string route, string[] methods)
    {
        var function = FunctionTable.Named(name);

        Assert.Equal(route, function.Trigger.Route);
        Assert.Equal(methods, function.Trigger.Methods);
        Assert.Equal(AuthorizationLevel.Anonymous, function.Trigger.AuthLevel);
    }

    [Fact]
    public void ThereIsOneFunctionPerRouteAndNoOther()
    {
        var expected = Routes.Select(row => (string)row.Data.Item1).Order();

        Assert.Equal(expected, FunctionTable.Entries.Select(entry => entry.Name).Order());
    }
}
