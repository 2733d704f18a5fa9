using B12Cds.Facts.Terminology;
using B12Cds.Rules.Engine;

namespace B12Cds.Rules.Model;

/// <summary>One compiled rule: its metadata (id, title, area, priority, status, citations) and its conditions and actions, ready to run.</summary>
public sealed class Rule
{
    internal Rule(RuleHeader header, IReadOnlyList<PatternNode> patterns, IReadOnlyList<RuleAction> actions, IReadOnlyList<string?> slotNames)
    {
        Header = header;
        Patterns = patterns;
        Actions = actions;
        SlotNames = slotNames;
        Reads = patterns.SelectMany(TypesOf).ToHashSet(StringComparer.Ordinal);
        ReadsPositively = patterns.Where(p => p is not NotNode).SelectMany(TypesOf).ToHashSet(StringComparer.Ordinal);
        Derives = actions.OfType<DeriveAction>().Select(a => a.TypeName).ToHashSet(StringComparer.Ordinal);
        DerivedSource = new B12Cds.Facts.Model.SourceReference("Rule", header.Id, $"rule:{header.Id}", $"rule {header.Id}");
    }

    /// <summary>Gets the catalogue id, e.g. <c>DX-04</c>.</summary>
    public string Id => Header.Id;

    /// <summary>Gets the title for people.</summary>
    public string Title => Header.Title;

    /// <summary>Gets the clinical area (diagnosis, pernicious-anemia, malabsorption, diet, medication, neurologic-urgency, regimen, monitoring, non-response, safety).</summary>
    public string Area => Header.Area;

    /// <summary>Gets the priority: higher fires first.</summary>
    public int Priority => Header.Priority;

    /// <summary>Gets the status.</summary>
    public RuleStatus Status => Header.Status;

    /// <summary>Gets the profiles it runs in (us, uk); empty for all.</summary>
    public IReadOnlyList<string> Profiles => Header.Profiles;

    /// <summary>Gets the sources it rests on.</summary>
    public IReadOnlyList<Citation> Citations => Header.Citations;

    /// <summary>Gets where it is defined.</summary>
    public SourceLocation Location => Header.Location;

    /// <summary>Gets its position in the rule set (files in name order, rules in file order): the tie-break after priority.</summary>
    public int Order => Header.Order;

    /// <summary>Gets the fact types its conditions read.</summary>
    public IReadOnlySet<string> Reads { get; }

    /// <summary>
    /// Gets the fact types its conditions read other than under <c>not</c>: a new fact of another type it reads can
    /// only withdraw its activations, never add one.
    /// </summary>
    internal IReadOnlySet<string> ReadsPositively { get; }

    /// <summary>Gets the fact types its actions derive.</summary>
    public IReadOnlySet<string> Derives { get; }

    internal RuleHeader Header { get; }

    /// <summary>Gets the source every fact this rule derives names: the rule itself (built once, shared).</summary>
    internal B12Cds.Facts.Model.SourceReference DerivedSource { get; }

    internal IReadOnlyList<PatternNode> Patterns { get; }

    internal IReadOnlyList<RuleAction> Actions { get; }

    internal IReadOnlyList<string?> SlotNames { get; }

    /// <summary>Gets a value indicating whether the rule runs in <paramref name="profile"/>.</summary>
    public bool AppliesTo(string profile) => Header.Profiles.Count == 0 || Header.Profiles.Contains(profile, StringComparer.Ordinal);

    /// <inheritdoc/>
    public override string ToString() => $"{Id} {Title}";

    private static IEnumerable<string> TypesOf(PatternNode node) => node switch
    {
        FactPatternNode p => [p.Type.Name],
        NotNode n => [n.Inner.Type.Name],
        ExistsNode e => [e.Inner.Type.Name],
        CountNode c => [c.Inner.Type.Name],
        TrendNode t => [t.Inner.Type.Name],
        _ => [],
    };
}
