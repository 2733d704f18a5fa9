using System.Collections.Concurrent;
using B12Cds.Facts.Model;
using B12Cds.Rules.Engine;

namespace B12Cds.Rules.Schema;

/// <summary>A fact type as rule files see it: its name, its fields, and the date that look-back windows use.</summary>
public sealed class FactTypeSchema
{
    private readonly Dictionary<string, FactField> _fields;
    private readonly ConcurrentDictionary<string, CandidateSource> _candidateSources = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SharedPattern> _sharedPatterns = new(StringComparer.Ordinal);

    /// <summary>Initializes a new instance of the <see cref="FactTypeSchema"/> class.</summary>
    public FactTypeSchema(string name, string description, IEnumerable<FactField> fields, Func<Fact, DateTimeOffset?>? date, bool isDerived)
    {
        Name = name;
        Description = description;
        _fields = fields.ToDictionary(f => f.Name, StringComparer.Ordinal);
        Date = date;
        IsDerived = isDerived;
    }

    /// <summary>Gets the name rule files use, e.g. <c>lab</c>.</summary>
    public string Name { get; }

    /// <summary>Gets what the fact type is, for people.</summary>
    public string Description { get; }

    /// <summary>Gets the fields.</summary>
    public IReadOnlyCollection<FactField> Fields => _fields.Values;

    /// <summary>Gets the date that <c>within</c>, <c>latest</c> and <c>earliest</c> use, or null when the type has none.</summary>
    public Func<Fact, DateTimeOffset?>? Date { get; }

    /// <summary>Gets a value indicating whether rules derive this type (rather than it coming from FHIR).</summary>
    public bool IsDerived { get; }

    /// <summary>The one <see cref="CandidateSource"/> of this type and these value sets (interned: equal lists give the same instance).</summary>
    internal CandidateSource CandidatesIn(IReadOnlyList<string> valueSets) =>
        _candidateSources.GetOrAdd(string.Join('\u001f', valueSets), static (_, arg) => new CandidateSource(arg.Name, arg.ValueSets), (Name, ValueSets: valueSets));

    /// <summary>The one <see cref="SharedPattern"/> of this type for a pattern written as <paramref name="key"/> (interned), counting this pattern.</summary>
    internal SharedPattern SharedPatternFor(string key) => _sharedPatterns.GetOrAdd(key, static k => new SharedPattern(k)).AddPattern();

    /// <summary>Finds a field by name.</summary>
    public bool TryGetField(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out FactField? field) => _fields.TryGetValue(name, out field);
}
