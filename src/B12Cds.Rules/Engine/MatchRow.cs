using B12Cds.Facts.Model;

namespace B12Cds.Rules.Engine;

/// <summary>A partial match of a rule's patterns: one fact per binding slot, and the evaluation context.</summary>
internal sealed class MatchRow
{
    public MatchRow(int slots, EvaluationContext context)
        : this(new Fact?[slots], context)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="MatchRow"/> class over existing slots (not copied).</summary>
    public MatchRow(Fact?[] slots, EvaluationContext context)
    {
        Slots = slots;
        Context = context;
    }

    public Fact?[] Slots { get; }

    public EvaluationContext Context { get; }
}
