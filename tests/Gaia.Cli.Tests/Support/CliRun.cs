using System.Text.Json;

namespace Gaia.Cli.Tests.Support;

/// <summary>What one in-process run of <c>gaia</c> left: exit code, both writers, and the bytes written to standard output.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error, byte[] StandardOutput)
{
    /// <summary>Standard output as the JSON document <c>--json</c> promises.</summary>
    public JsonElement Json
    {
        get
        {
            using var document = JsonDocument.Parse(Out);
            return document.RootElement.Clone();
        }
    }

    public IReadOnlyList<string> Lines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();

    /// <summary>Asserts a successful run with nothing on standard error.</summary>
    public CliRun Succeeded()
    {
        Assert.True(ExitCode == 0, $"exit code {ExitCode}; stderr: {Error}; stdout: {Out}");
        Assert.Equal("", Error);
        return this;
    }

    /// <summary>Asserts the failure contract: the exit code, and exactly one line on standard error, starting "gaia: ".</summary>
    public string FailedWith(int exitCode)
    {
        Assert.True(ExitCode == exitCode, $"exit code {ExitCode}, expected {exitCode}; stderr: {Error}; stdout: {Out}");
        var lines = Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines);
        Assert.StartsWith("gaia: ", line, StringComparison.Ordinal);
        return line.TrimEnd('\r');
    }
}
