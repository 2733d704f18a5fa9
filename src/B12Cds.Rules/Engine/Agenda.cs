namespace B12Cds.Rules.Engine;

/// <summary>
/// The activations waiting to fire, taken in NRules' conflict-resolution order (<see cref="AgendaOrder"/>:
/// higher priority, then earlier rule, then earlier matched) from a binary heap, so taking the next one costs
/// O(log n) instead of a scan of them all. An activation a re-match withdraws stays in the heap, marked, and is
/// skipped when it comes to the top (lazy deletion: removing it from the middle of a heap would cost a search).
/// </summary>
/// <remarks>
/// Each rule's activations are also kept by rule (by its index among the evaluation's rules, so without hashing), in
/// the order they were matched, so a re-match can find them and the session can ask whether a rule has any live
/// ones without looking through the heap.
/// </remarks>
internal sealed class Agenda
{
    private readonly PriorityQueue<Activation, AgendaOrder> _heap = new();
    private readonly List<Activation>?[] _byRule;
    private readonly int[] _live;

    /// <summary>Initializes a new instance of the <see cref="Agenda"/> class for rules indexed 0 to <paramref name="rules"/> - 1.</summary>
    public Agenda(int rules)
    {
        _byRule = new List<Activation>?[rules];
        _live = new int[rules];
    }

    /// <summary>Gets the number of live activations (withdrawn ones not counted).</summary>
    public int Count { get; private set; }

    /// <summary>Adds an activation; activations of one rule must be added in the order of their sequence numbers.</summary>
    public void Add(Activation activation)
    {
        (_byRule[activation.RuleIndex] ??= []).Add(activation);
        _live[activation.RuleIndex]++;
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
            _live[next.RuleIndex]--;
            Count--;
            return true;
        }

        return false;
    }

    /// <summary>Gets a value indicating whether the rule at <paramref name="ruleIndex"/> has live activations.</summary>
    public bool HasPending(int ruleIndex) => _live[ruleIndex] > 0;

    /// <summary>The live activations of the rule at <paramref name="ruleIndex"/>, in the order they were matched (empty when none).</summary>
    public IReadOnlyList<Activation> PendingOf(int ruleIndex)
    {
        if (_live[ruleIndex] == 0 || _byRule[ruleIndex] is not { } activations)
        {
            return [];
        }

        // Taken and withdrawn activations are dropped from the rule's list here, not one by one as they go.
        activations.RemoveAll(static a => a.State != ActivationState.Pending);
        return activations;
    }

    /// <summary>Withdraws a live activation: it will not fire (it stays in the heap until it comes to the top).</summary>
    public void Withdraw(Activation activation)
    {
        if (activation.State != ActivationState.Pending)
        {
            throw new InvalidOperationException("Only a pending activation can be withdrawn.");
        }

        activation.State = ActivationState.Withdrawn;
        _live[activation.RuleIndex]--;
        Count--;
    }
}
