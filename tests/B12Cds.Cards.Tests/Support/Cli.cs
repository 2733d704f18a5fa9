using B12Cds.Cli;

namespace B12Cds.Cards.Tests.Support;

/// <summary>Runs the b12cds command line in-process, capturing what it writes.</summary>
internal static class Cli
{
    public static CliRun Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = CliApp.Run(args, output, error, new FixedTime(Evaluations.At));
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }
}
