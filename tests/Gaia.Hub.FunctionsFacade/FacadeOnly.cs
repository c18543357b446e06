namespace Microsoft.Azure.Functions.Worker;

/// <summary>The one error of the facade's members that would need the real worker to mean anything.</summary>
internal static class FacadeOnly
{
    public static NotSupportedException NotSupported(string member) => new(
        $"{member} is part of the Azure Functions worker facade (tests/Gaia.Hub.FunctionsFacade), which only compiles the " +
        "Functions app. Build without -p:UseFunctionsFacade=true, against the real packages, to run it.");
}
