using B12Cds.Rules.Loading;
using B12Cds.Rules.Model;

namespace B12Cds.Benchmarks;

/// <summary>Loads a rules folder for a benchmark, failing loudly (with every error) when it does not load.</summary>
internal static class RuleSets
{
    public static RuleSet Load(string folder)
    {
        var result = RuleSetLoader.LoadDirectory(folder);
        return result.RuleSet ?? throw new InvalidOperationException($"The rules in {folder} do not load:{Environment.NewLine}{string.Join(Environment.NewLine, result.Errors)}");
    }
}
