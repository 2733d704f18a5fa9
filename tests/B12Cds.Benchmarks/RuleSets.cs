using B12Cds.Rules.Loading;
using B12Cds.Rules.Model;

namespace B12Cds.Benchmarks;

/// <summary>Loads rule sets for the benchmarks, failing loudly (with every error) when one does not load.</summary>
internal static class RuleSets
{
    public static RuleSet Load(string folder)
    {
        var result = RuleSetLoader.LoadDirectory(folder);
        return result.RuleSet ?? throw new InvalidOperationException($"The rules in {folder} do not load:{Environment.NewLine}{string.Join(Environment.NewLine, result.Errors)}");
    }

    /// <summary>Generates <paramref name="ruleCount"/> rules in a temporary folder, loads them, and deletes the folder (a loaded rule set needs no files).</summary>
    public static RuleSet LoadGenerated(int ruleCount, bool calendarWindows = false)
    {
        var folder = RuleSetGenerator.CreateTemporary(ruleCount, calendarWindows);
        try
        {
            return Load(folder);
        }
        finally
        {
            RuleSetGenerator.Delete(folder);
        }
    }
}
