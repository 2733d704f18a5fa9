using System.CommandLine;
using B12Cds.Cli.Commands;

namespace B12Cds.Cli;

/// <summary>The <c>b12cds</c> command line, runnable in-process (tests pass their own writers and clock).</summary>
public static class CliApp
{
    /// <summary>Exit code: the input was read (warnings allowed).</summary>
    public const int Ok = 0;

    /// <summary>Exit code: the input is not valid FHIR JSON (an OperationOutcome was printed).</summary>
    public const int InvalidInput = 1;

    /// <summary>Exit code: the command could not run (bad arguments, a missing file, rule files that do not load).</summary>
    public const int CannotRun = 2;

    /// <summary>Runs one command line and returns its exit code; never throws for bad input.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(args);
        var context = new CliContext(output, error, time);
        var root = new RootCommand("B12 CDS: clinical decision support for vitamin B12 deficiency.")
        {
            FactsCommand.Create(context),
            EvaluateCommand.Create(context),
            LintCommand.Create(context),
            TestCommand.Create(context),
            SimulateCommand.Create(context),
        };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var e in parsed.Errors)
            {
                error.WriteLine(e.Message);
            }

            error.WriteLine("Run 'b12cds --help' for usage.");
            return CannotRun;
        }

        return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }
}
