namespace B12Cds.Cli.Tests.Rules;

/// <summary>What one in-process <c>b12cds</c> run returned and wrote.</summary>
/// <param name="ExitCode">The exit code.</param>
/// <param name="Output">Everything written to standard output.</param>
/// <param name="Error">Everything written to standard error.</param>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    /// <summary>Gets the output lines, without trailing white space.</summary>
    public IReadOnlyList<string> OutputLines => Output.Split('\n').Select(l => l.TrimEnd()).ToList();

    /// <inheritdoc/>
    public override string ToString() => $"exit {ExitCode}{Environment.NewLine}--- stdout{Environment.NewLine}{Output}--- stderr{Environment.NewLine}{Error}";
}
