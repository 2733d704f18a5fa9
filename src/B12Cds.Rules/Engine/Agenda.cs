using B12Cds.Rules.Model;

namespace B12Cds.Rules.Engine;

/// <summary>
/// The activations waiting to fire, taken in NRules' conflict-resolution order (<see cref="AgendaOrder"/>:
/// higher priority, then earlier rule, then earlier matched) from a binary heap, so taking the next one costs
/// O(log n) instead of a scan of them all. An activation a re-match withdraws stays in the heap, marked, and is
/// skipped when it comes to the top (lazy deletion: removing it from the middle of a heap would cost a search).
/// </summary>
/// <remarks>
/// Each rule's live activations are also kept by rule, in the order they were matched, so a re-match can find them
/// and the session can ask whether a rule has any without looking through the heap.
/// </remarks>
internal sealed class Agenda
{
    private readonly PriorityQueue<Activation, AgendaOrder> _heap = new();
    private readonly Dictionary<Rule, RulePending> _byRule = [];

    /// <summary>Gets the number of live activations (withdrawn ones not counted).</summary>
    public int Count { get; private set; }

    /// <summary>Adds an activation; activations of one rule must be added in the order of their sequence numbers.</summary>
    public void Add(Activation activation)
    {
        if (!_byRule.TryGetValue(activation.Rule, out var pending))
        {
            pending = new RulePending();
            _byRule.Add(activation.Rule, pending);
        }

        pending.Activations.Add(activation);
        pending.Live++;
        Count++;
        _heap.Enqueue(activation, activation.Order);
    }

    /// <summary>Takes the first live activation in agenda order; false when there is none.</summary>
    public bool TryPop(out Activation next)
    {
        while (_heap.TryDequeue(out next!, out _))
        {
            if (next.State == ActivationState.Withdrawn)
            {
                continue;
            }

            next.State = ActivationState.Taken;
            _byRule[next.Rule].Live--;
            Count--;
            return true;
        }

        return false;
    }

    /// <summary>Gets a value indicating whether <paramref name="rule"/> has live activations.</summary>
    public bool HasPending(Rule rule) => _byRule.TryGetValue(rule, out var pending) && pending.Live > 0;

    /// <summary>The live activations of <paramref name="rule"/>, in the order they were matched (empty when none).</summary>
    public IReadOnlyList<Activation> PendingOf(Rule rule)
    {
        if (!_byRule.TryGetValue(rule, out var pending) || pending.Live == 0)
        {
            return [];
        }

        // Taken and withdrawn activations are dropped from the rule's list here, not one by one as they go.
        pending.Activations.RemoveAll(static a => a.State != ActivationState.Pending);
        return pending.Activations;
    }

    /// <summary>Withdraws a live activation: it will not fire (it stays in the heap until it comes to the top).</summary>
    public void Withdraw(Activation activation)
    {
        if (activation.State != ActivationState.Pending)
        {
            throw new InvalidOperationException("Only a pending activation can be withdrawn.");
        }

        activation.State = ActivationState.Withdrawn;
        _byRule[activation.Rule].Live--;
        Count--;
    }

    /// <summary>A rule's activations, live or not yet purged, and how many are live.</summary>
    private sealed class RulePending
    {
        public List<Activation> Activations { get; } = [];

        public int Live { get; set; }
    }
}
