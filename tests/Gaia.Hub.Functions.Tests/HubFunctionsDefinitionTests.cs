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

    [Theory]
    [InlineData("GET", "/hub_info", HubFunctions.HubInfoName)]
    [InlineData("POST", "/store/1abc/a/b.txt", HubFunctions.StoreName)]
    [InlineData("DELETE", "/delete/1abc/a.txt", HubFunctions.DeleteName)]
    [InlineData("POST", "/list-files/1abc", HubFunctions.ListFilesName)]
    [InlineData("POST", "/revoke-all/1abc", HubFunctions.RevokeAllName)]
    [InlineData("HEAD", "/read/1abc/a.txt", HubFunctions.ReadName)]
    [InlineData("OPTIONS", "/store/1abc/a.txt", HubFunctions.PreflightName)]
    [InlineData("OPTIONS", "/anything", HubFunctions.PreflightName)]
    [InlineData("GET", "/healthz", HubFunctions.LivenessName)]
    [InlineData("HEAD", "/healthz/ready", HubFunctions.ReadinessName)]
    public void ARequestIsRoutedToTheFunctionOfItsMethodAndPath(string method, string path, string function) =>
        Assert.Equal(function, FunctionTable.Match(method, path)?.Name);

    [Theory]
    [InlineData("GET", "/store/1abc/a.txt")]
    [InlineData("POST", "/hub_info")]
    [InlineData("DELETE", "/read/1abc/a.txt")]
    [InlineData("POST", "/healthz/ready")]
    [InlineData("GET", "/metrics")]
    public void ARequestNoFunctionAcceptsIsLeftToTheHost(string method, string path) =>
        Assert.Null(FunctionTable.Match(method, path));
}
