namespace B12Cds.Cli.Tests.Rules;

/// <summary>Runs <c>b12cds</c> in-process for the rules commands (lint, test, simulate), and finds the repository's rules and samples.</summary>
internal static class RulesCli
{
    /// <summary>Gets the repository's <c>rules</c> folder.</summary>
    public static string Rules => RepoPaths.Rules;

    /// <summary>Gets the repository's <c>fhir-samples</c> folder.</summary>
    public static string Samples => RepoPaths.Samples;

    /// <summary>Runs one command line at the samples' evaluation date (the default <c>--at</c>), capturing what it writes.</summary>
    public static CliRun Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = CliApp.Run(args, output, error, SampleClock.Instance);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }
}
