
namespace B12Cds.Cli.Tests.Support;

/// <summary>Runs <c>b12cds</c> in-process through <see cref="CliApp.Run"/>, capturing what it writes.</summary>
internal static class CliRunner
{
    /// <summary>Runs the command line with the given clock (by default the samples' evaluation date).</summary>
    public static CliResult Run(TimeProvider? time, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = CliApp.Run(args, output, error, time ?? FixedTimeProvider.SampleDate);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Runs the command line at the samples' evaluation date.</summary>
    public static CliResult Run(params string[] args) => Run(null, args);

    /// <summary>Gets the path of a shipped sample bundle.</summary>
    public static string Sample(string fileName) => Path.Combine(RepoPaths.Root, "fhir-samples", fileName);

    /// <summary>Gets the real rules folder.</summary>
    public static string Rules => RepoPaths.Rules;
}

/// <summary>What one run returned and wrote.</summary>
internal sealed record CliResult(int ExitCode, string Output, string Error)
{
    /// <summary>Gets the output lines, without trailing white space.</summary>
    public IReadOnlyList<string> OutputLines => Output.Split('\n').Select(l => l.TrimEnd()).ToList();

    /// <inheritdoc/>
    public override string ToString() => $"exit {ExitCode}{Environment.NewLine}--- stdout{Environment.NewLine}{Output}--- stderr{Environment.NewLine}{Error}";
}
