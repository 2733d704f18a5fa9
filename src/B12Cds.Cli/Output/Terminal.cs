using Spectre.Console;

namespace B12Cds.Cli.Output;

/// <summary>
/// Decides whether output goes to a person at a terminal (tables with borders, a live progress bar) or to a file, a
/// pipe, a test or a CI log (plain text only: no escape codes, no redrawing).
/// </summary>
internal static class Terminal
{
    /// <summary>Gets a value indicating whether <paramref name="writer"/> is the process's own, unredirected console on a capable terminal.</summary>
    public static bool IsInteractive(TextWriter writer) =>
        ReferenceEquals(writer, Console.Out)
        && !Console.IsOutputRedirected
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))
        && !string.Equals(Environment.GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal);

    /// <summary>Creates a Spectre console writing to <paramref name="writer"/>, for interactive use only.</summary>
    public static IAnsiConsole CreateConsole(TextWriter writer) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(writer),
        Ansi = AnsiSupport.Detect,
        ColorSystem = ColorSystemSupport.Detect,
        Interactive = InteractionSupport.Detect,
    });
}
