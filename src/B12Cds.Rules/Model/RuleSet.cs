using System.Collections.Concurrent;
using B12Cds.Facts.Terminology;
using B12Cds.Rules.Schema;

namespace B12Cds.Rules.Model;

/// <summary>
/// A loaded, validated and compiled rule set: rules, value sets, parameters and regimen tables. Immutable, so one
/// instance serves many evaluations on many threads at once; a reload builds a new one and swaps it in.
/// </summary>
public sealed class RuleSet
{
    /// <summary>Initializes a new instance of the <see cref="RuleSet"/> class.</summary>
    public RuleSet(
        string version,
        IReadOnlyList<Rule> rules,
        TerminologyCatalog terminology,
        FactSchema schema,
        IReadOnlyDictionary<string, Parameter> parameters,
        IReadOnlyDictionary<string, Regimen> regimens)
    {
        Version = version;
        Rules = rules;
        Terminology = terminology;
        Schema = schema;
        Parameters = parameters;
        Regimens = regimens;
        ById = rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
    }

    /// <summary>Gets the version: the highest file version and a digest of every file's content, so any edit gives a new version.</summary>
    public string Version { get; }

    /// <summary>Gets every rule, in order (files by name, rules in file order), whatever its status.</summary>
    public IReadOnlyList<Rule> Rules { get; }

    /// <summary>Gets the rules by id.</summary>
    public IReadOnlyDictionary<string, Rule> ById { get; }

    /// <summary>Gets the value sets and lab analytes.</summary>
    public TerminologyCatalog Terminology { get; }

    /// <summary>Gets the fact types, with the derived ones.</summary>
    public FactSchema Schema { get; }

    /// <summary>Gets the DESIGN parameters by name.</summary>
    public IReadOnlyDictionary<string, Parameter> Parameters { get; }

    /// <summary>Gets the regimen table by id.</summary>
    public IReadOnlyDictionary<string, Regimen> Regimens { get; }

    private ConcurrentDictionary<(string Profile, bool Drafts), Runnable> RunnableCache { get; } = new();

    /// <summary>
    /// Gets the rules that run in a profile (active, and drafts when asked) and, per fact type, those of them that read
    /// it: computed once per rule set and profile, not per evaluation.
    /// </summary>
    internal Runnable RunnableIn(string profile, bool includeDrafts) =>
        RunnableCache.GetOrAdd((profile, includeDrafts), key =>
        {
            var rules = Rules.Where(r => (r.Status == RuleStatus.Active || (key.Drafts && r.Status == RuleStatus.Draft)) && r.AppliesTo(key.Profile)).ToList();
            var readers = rules
                .SelectMany((r, index) => r.Reads.Select(type => (Type: type, Index: index)))
                .GroupBy(x => x.Type, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(x => x.Index).ToArray(), StringComparer.Ordinal);
            return new Runnable(rules, readers);
        });

    /// <summary>The rules that run in one profile, and which of them (by index in <see cref="Rules"/>) read each fact type.</summary>
    internal sealed record Runnable(IReadOnlyList<Rule> Rules, IReadOnlyDictionary<string, int[]> ReadersByType);
}
