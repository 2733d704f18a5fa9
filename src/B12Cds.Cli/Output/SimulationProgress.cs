using Spectre.Console;

namespace B12Cds.Cli.Output;

/// <summary>A progress bar for long simulations: shown on an interactive terminal for 50 patients or more, and never when output is redirected.</summary>
internal static class SimulationProgress
{
    /// <summary>The fewest patients for which a progress bar is worth drawing.</summary>
    public const int Threshold = 50;

    /// <summary>Runs <paramref name="work"/>, handing it the callback that advances the bar by one patient (a no-op when no bar is shown).</summary>
    public static T Run<T>(TextWriter output, int total, Func<Action, T> work)
    {
        if (total < Threshold || !Terminal.IsInteractive(output))
        {
            return work(static () => { });
        }

        var result = default(T)!;
        Terminal.CreateConsole(output).Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(progress =>
            {
                var task = progress.AddTask($"Evaluating {total} patients", maxValue: total);
                result = work(() => task.Increment(1));
            });
        return result;
    }
}
