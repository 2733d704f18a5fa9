using B12Cds.Facts.Model;

namespace B12Cds.Rules.Engine;

/// <summary>A partial match of a rule's patterns: one fact per binding slot, and the evaluation context.</summary>
internal sealed class MatchRow
{
    public MatchRow(int slots, EvaluationContext context)
    {
        Slots = new Fact?[slots];
        Context = context;
    }

    public Fact?[] Slots { get; }

    public EvaluationContext Context { get; }
}
