using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Gaia.Cli.Output;

/// <summary>Where a command's result goes: plain lines (or Spectre tables) for people, one JSON document with <c>--json</c>.</summary>
internal sealed class CliOutput(CliContext context, bool json)
{
    private readonly Lock gate = new();

    public bool IsJson => json;

    /// <summary>Live progress is drawn only on a terminal, and never under <c>--json</c>.</summary>
    public bool ShowsProgress => !json && context.IsTerminal;

    /// <summary>A line of text; ignored under <c>--json</c>. Safe to call from several threads.</summary>
    public void Line(string text)
    {
        if (json)
        {
            return;
        }

        lock (gate)
        {
            context.Out.WriteLine(text);
        }
    }

    /// <summary>The command's JSON result (indented; non-ASCII kept readable).</summary>
    public void Json<T>(T value, JsonTypeInfo<T> type)
    {
        context.Out.WriteLine(JsonSerializer.Serialize(value, type));
        context.Out.Flush();
    }

    public void Render(IRenderable renderable) => CreateConsole().Write(renderable);

    /// <summary>A Spectre console over the run's output: colours and live rendering only on a terminal.</summary>
    public IAnsiConsole CreateConsole()
    {
        var terminal = context.IsTerminal;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Yes : InteractionSupport.No,
            Out = new AnsiConsoleOutput(context.Out),
        });
        if (!terminal)
        {
            console.Profile.Width = 160;
        }

        return console;
    }
}
