using B12Cds.Facts.Model;
using B12Cds.Facts.Terminology;
using B12Cds.Rules.Engine;
using B12Cds.Rules.Model;

namespace B12Cds.Rules.Tests.Engine;

/// <summary>
/// The agenda's queue on its own: NRules' order (priority, then rule order, then sequence) from the heap, whatever
/// order activations are added in; withdrawn activations skipped (lazy deletion); pending activations by rule.
/// </summary>
public sealed class AgendaQueueTests
{
    [Fact]
    public void TryPop_ActivationsAddedInAnyOrder_PriorityThenRuleOrderThenSequence()
    {
        // Arrange
        var low = TestRule("TS-01", priority: -5, order: 0);
        var high = TestRule("TS-02", priority: 100, order: 3);
        var mid1 = TestRule("TS-03", priority: 10, order: 2);
        var mid2 = TestRule("TS-04", priority: 10, order: 1);
        var agenda = new Agenda(RuleCount);
        var activations = new[]
        {
            Activation(low, 0), Activation(mid1, 1), Activation(high, 2), Activation(mid2, 3), Activation(mid1, 4), Activation(mid2, 5),
        };
        foreach (var a in activations)
        {
            agenda.Add(a);
        }

        // Act
        var popped = PopAll(agenda);

        // Assert
        Assert.Equal([2L, 3, 5, 1, 4, 0], popped.Select(a => a.Sequence));
        Assert.Equal(0, agenda.Count);
    }

    [Fact]
    public void TryPop_EqualPriorityAndRule_InSequenceOrder()
    {
        // Arrange
        var rule = TestRule("TS-01", priority: 0, order: 0);
        var agenda = new Agenda(RuleCount);
        for (var i = 0; i < 50; i++)
        {
            agenda.Add(Activation(rule, i));
        }

        // Act
        var popped = PopAll(agenda);

        // Assert
        Assert.Equal(Enumerable.Range(0, 50).Select(i => (long)i), popped.Select(a => a.Sequence));
    }

    [Fact]
    public void Withdraw_PendingActivation_SkippedWhenItComesToTheTop()
    {
        // Arrange
        var rule = TestRule("TS-01", priority: 0, order: 0);
        var agenda = new Agenda(RuleCount);
        var first = Activation(rule, 0);
        var second = Activation(rule, 1);
        var third = Activation(rule, 2);
        agenda.Add(first);
        agenda.Add(second);
        agenda.Add(third);

        // Act
        agenda.Withdraw(first);
        agenda.Withdraw(third);

        // Assert
        Assert.Equal(1, agenda.Count);
        Assert.Equal([second], PopAll(agenda));
        Assert.Equal(ActivationState.Withdrawn, first.State);
        Assert.Equal(ActivationState.Taken, second.State);
    }

    [Fact]
    public void Withdraw_DuringFiring_LaterActivationsOfOtherRulesKeepTheirOrder()
    {
        // Arrange: the first rule fires, then withdraws the second rule's first activation (as a derived fact under 'not' would).
        var deriving = TestRule("TS-01", priority: 50, order: 0);
        var negating = TestRule("TS-02", priority: 10, order: 1);
        var agenda = new Agenda(RuleCount);
        agenda.Add(Activation(deriving, 0));
        var withdrawn = Activation(negating, 1);
        var kept = Activation(negating, 2);
        agenda.Add(withdrawn);
        agenda.Add(kept);

        // Act
        Assert.True(agenda.TryPop(out var firing));
        agenda.Withdraw(withdrawn);
        var added = Activation(negating, 3);
        agenda.Add(added);

        // Assert
        Assert.Same(deriving, firing.Rule);
        Assert.Equal([kept, added], PopAll(agenda));
    }

    [Fact]
    public void PendingOf_AfterTakesAndWithdrawals_OnlyTheLiveOnesInMatchOrder()
    {
        // Arrange
        var rule = TestRule("TS-01", priority: 0, order: 0);
        var other = TestRule("TS-02", priority: 0, order: 1);
        var agenda = new Agenda(RuleCount);
        var a = Activation(rule, 0);
        var b = Activation(rule, 1);
        var c = Activation(rule, 2);
        agenda.Add(a);
        agenda.Add(b);
        agenda.Add(c);
        agenda.Add(Activation(other, 3));

        // Act
        agenda.TryPop(out _);
        agenda.Withdraw(c);

        // Assert
        Assert.Equal([b], agenda.PendingOf(rule.Order));
        Assert.True(agenda.HasPending(rule.Order));
        Assert.True(agenda.HasPending(other.Order));
        Assert.Empty(agenda.PendingOf(2));
    }

    [Fact]
    public void HasPending_AllTakenOrWithdrawn_False()
    {
        // Arrange
        var rule = TestRule("TS-01", priority: 0, order: 0);
        var agenda = new Agenda(RuleCount);
        var a = Activation(rule, 0);
        var b = Activation(rule, 1);
        agenda.Add(a);
        agenda.Add(b);

        // Act
        agenda.Withdraw(b);
        agenda.TryPop(out _);

        // Assert
        Assert.False(agenda.HasPending(rule.Order));
        Assert.False(agenda.TryPop(out _));
        Assert.Throws<InvalidOperationException>(() => agenda.Withdraw(a));
    }

    [Fact]
    public void CompareTo_AgendaOrder_HigherPriorityThenEarlierRuleThenEarlierSequence()
    {
        Assert.True(new AgendaOrder(10, 5, 9).CompareTo(new AgendaOrder(0, 0, 0)) < 0);
        Assert.True(new AgendaOrder(0, 1, 0).CompareTo(new AgendaOrder(0, 2, 0)) < 0);
        Assert.True(new AgendaOrder(0, 1, 7).CompareTo(new AgendaOrder(0, 1, 8)) < 0);
        Assert.Equal(0, new AgendaOrder(0, 1, 7).CompareTo(new AgendaOrder(0, 1, 7)));
    }

    private static List<Activation> PopAll(Agenda agenda)
    {
        var popped = new List<Activation>();
        while (agenda.TryPop(out var next))
        {
            popped.Add(next);
        }

        return popped;
    }

    /// <summary>Rules are indexed by their order in these tests.</summary>
    private const int RuleCount = 4;

    private static Activation Activation(Rule rule, long sequence) => new(rule, rule.Order, [new PatientFact { Source = new SourceReference("Patient", $"p{sequence}", null, "Patient") }], sequence);

    private static Rule TestRule(string id, int priority, int order) => new(
        new RuleHeader { Id = id, Title = id, Area = "diagnosis", Priority = priority, Order = order, Location = new SourceLocation("rules.yaml", 1, 1) },
        [],
        [],
        ["p"]);
}
