using B12Cds.Facts.Terminology;

namespace B12Cds.Facts.Model;

/// <summary>
/// A clinical fact read from FHIR: the base of every fact type. Each fact keeps its <see cref="Source"/> and the
/// value sets its codes belong to (<see cref="Concepts"/>), so rules can ask "is this a PPI?" by value-set name.
/// </summary>
public abstract record Fact
{
    /// <summary>Gets the resource and element the fact was read from.</summary>
    public required SourceReference Source { get; init; }

    /// <summary>Gets the value sets (by id) this fact's codes or text belong to, and how each matched.</summary>
    public IReadOnlyList<ConceptMatch> Concepts { get; init => field = value ?? []; } = [];

    /// <summary>Gets a short label for people: the coded concept's text or display.</summary>
    public string? Label { get; init; }

    /// <summary>Gets the fact type's name as rule files use it, e.g. <c>lab</c>.</summary>
    public abstract string FactType { get; }

    /// <summary>Gets a value indicating whether the fact belongs to the value set with this id.</summary>
    public bool Is(string valueSetId)
    {
        foreach (var c in Concepts)
        {
            if (string.Equals(c.ValueSetId, valueSetId, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
