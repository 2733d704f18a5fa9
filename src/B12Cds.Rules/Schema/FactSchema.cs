using System.Diagnostics.CodeAnalysis;
using B12Cds.Facts.Terminology;
using B12Cds.Rules.Engine;

namespace B12Cds.Rules.Schema;

/// <summary>Every fact type a rule set can match: the built-in ones from FHIR, the aggregates, and the ones its rules derive.</summary>
public sealed class FactSchema
{
    private readonly Dictionary<string, FactTypeSchema> _types = new(StringComparer.Ordinal);

    /// <summary>Initializes a new instance of the <see cref="FactSchema"/> class with the built-in fact types.</summary>
    public FactSchema(TerminologyCatalog terminology)
    {
        ArgumentNullException.ThrowIfNull(terminology);
        foreach (var type in BuiltInFactTypes.Create(terminology))
        {
            _types.Add(type.Name, type);
        }
    }

    /// <summary>Gets every fact type.</summary>
    public IReadOnlyCollection<FactTypeSchema> Types => _types.Values;

    /// <summary>Gets the names of the built-in (FHIR) fact types.</summary>
    public static IReadOnlyList<string> BuiltInNames { get; } = ["patient", "lab", "finding", "medication", "administration", "procedure", "allergy"];

    /// <summary>Finds a fact type.</summary>
    public bool TryGet(string name, [NotNullWhen(true)] out FactTypeSchema? type) => _types.TryGetValue(name, out type);

    /// <summary>Adds a derived fact type with the fields its <c>derive</c> actions set.</summary>
    public FactTypeSchema AddDerived(string name, IReadOnlyDictionary<string, ExprType> fields, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var schemaFields = fields.Select(f => new FactField(
            f.Key,
            f.Value,
            fact => fact is DerivedFact d && d.Fields.TryGetValue(f.Key, out var v) ? v : Value.Null,
            $"Set by the rules that derive {name}.")).ToList();
        schemaFields.AddRange(BuiltInFactTypes.Common());
        Func<B12Cds.Facts.Model.Fact, DateTimeOffset?>? date = fields.TryGetValue("date", out var dateType) && dateType.Kind == ValueKind.Date
            ? fact => fact is DerivedFact d && d.Fields.TryGetValue("date", out var v) && v.Kind == ValueKind.Date ? v.Date : null
            : null;
        var type = new FactTypeSchema(name, description ?? $"Derived by rules: {name}.", schemaFields, date, isDerived: true);
        _types[name] = type;
        return type;
    }
}
