using B12Cds.Facts.Model;
using B12Cds.Rules.Model;
using B12Cds.Rules.Schema;

namespace B12Cds.Rules.Engine;

/// <summary>
/// Finds every match of one rule's patterns in working memory: a nested-loop join over the (small) per-patient fact
/// lists, with negation, existence, aggregates and selectors. Facts dated after the evaluation time are never seen.
/// </summary>
internal static class Matcher
{
    /// <summary>
    /// Adds every match of the rule to <paramref name="results"/>, each a new array of the rule's slots;
    /// <paramref name="row"/> is scratch space of at least the rule's slot count, cleared here.
    /// </summary>
    public static void Match(Rule rule, WorkingMemory memory, MatchRow row, List<Fact?[]> results)
    {
        Array.Clear(row.Slots);
        Match(rule.Patterns, 0, row, memory, results, rule.SlotNames.Count);
    }

    private static void Match(IReadOnlyList<PatternNode> patterns, int index, MatchRow row, WorkingMemory memory, List<Fact?[]> results, int slots)
    {
        if (index == patterns.Count)
        {
            var match = new Fact?[slots];
            Array.Copy(row.Slots, match, slots);
            results.Add(match);
            return;
        }

        switch (patterns[index])
        {
            case FactPatternNode p when p.Select == Selection.Each:
                var windowStart = WindowStart(p, row);
                foreach (var fact in memory.Candidates(p.Candidates))
                {
                    if (Accepts(p, fact, row, windowStart))
                    {
                        Match(patterns, index + 1, row, memory, results, slots);
                    }
                }

                row.Slots[p.Slot] = null;
                break;

            case FactPatternNode p:
                if (Select(p, row, memory) is { } chosen)
                {
                    row.Slots[p.Slot] = chosen;
                    Match(patterns, index + 1, row, memory, results, slots);
                    row.Slots[p.Slot] = null;
                }

                break;

            case NotNode n:
                if (!Any(n.Inner, row, memory))
                {
                    Match(patterns, index + 1, row, memory, results, slots);
                }

                break;

            case ExistsNode e:
                if (Any(e.Inner, row, memory))
                {
                    Match(patterns, index + 1, row, memory, results, slots);
                }

                break;

            case CountNode c:
                var members = All(c.Inner, row, memory);
                row.Slots[c.Slot] = new AggregateFact
                {
                    Kind = "count",
                    Source = CountSource,
                    Fields = new FieldTable(CountFields, [Value.FromNumber(members.Count)]),
                    Members = members,
                };
                if (c.Where is null || c.Where(row).IsTrue)
                {
                    Match(patterns, index + 1, row, memory, results, slots);
                }

                row.Slots[c.Slot] = null;
                break;

            case TrendNode t:
                if (Trend(t, row, memory) is { } trend)
                {
                    row.Slots[t.Slot] = trend;
                    if (t.Where is null || t.Where(row).IsTrue)
                    {
                        Match(patterns, index + 1, row, memory, results, slots);
                    }

                    row.Slots[t.Slot] = null;
                }

                break;

            case CheckNode check:
                if (check.Condition(row).IsTrue)
                {
                    Match(patterns, index + 1, row, memory, results, slots);
                }

                break;
        }
    }

    /// <summary>
    /// The start of the pattern's look-back window (<c>within</c>), computed once per pattern, not per fact; null when
    /// the pattern has no window; <see cref="DateTimeOffset.MaxValue"/> when the window cannot be computed (nothing matches).
    /// </summary>
    private static DateTimeOffset? WindowStart(FactPatternNode p, MatchRow row) =>
        p.Within is { } within && p.Type.Date is not null
            ? (p.ConstantWithin is { } shift ? shift.Apply(row.Context.Now) : Quantities.Add(row.Context.Now, within(row), -1)) ?? DateTimeOffset.MaxValue
            : null;

    /// <summary>
    /// Binds <paramref name="fact"/> to the pattern's slot and tests it: date window, and (unless selecting) where. The
    /// fact is one of <see cref="WorkingMemory.Candidates"/>, so it is already in one of the pattern's value sets.
    /// </summary>
    private static bool Accepts(FactPatternNode p, Fact fact, MatchRow row, DateTimeOffset? windowStart, bool testWhere = true)
    {
        if (p.Type.Date is { } dateOf)
        {
            var date = dateOf(fact);
            if (date > row.Context.Now)
            {
                return false;
            }

            if (windowStart is { } from && (date is not { } d || d < from))
            {
                return false;
            }
        }

        row.Slots[p.Slot] = fact;
        return !testWhere || p.Where is null || p.Where(row).IsTrue;
    }

    // Any, All and Select work a shared pattern out once per evaluation (until its candidates change): it reads no
    // binding, so the row cannot change its result, and every rule that writes it alike gets the same answer.
    private static bool Any(FactPatternNode p, MatchRow row, WorkingMemory memory)
    {
        var candidates = memory.Candidates(p.Candidates);
        var shared = SharedResultOf(p, candidates, memory);
        if (shared?.Any is { } known)
        {
            return known;
        }

        var found = FindAny(p, row, candidates);
        if (shared is not null)
        {
            shared.Any = found;
        }

        return found;
    }

    private static List<Fact> All(FactPatternNode p, MatchRow row, WorkingMemory memory)
    {
        var candidates = memory.Candidates(p.Candidates);
        var shared = SharedResultOf(p, candidates, memory);
        if (shared?.All is { } known)
        {
            return known;
        }

        var all = FindAll(p, row, candidates);
        if (shared is not null)
        {
            shared.All = all;
        }

        return all;
    }

    private static Fact? Select(FactPatternNode p, MatchRow row, WorkingMemory memory)
    {
        var candidates = memory.Candidates(p.Candidates);
        var shared = SharedResultOf(p, candidates, memory);
        if (shared is { HasSelected: true })
        {
            return shared.Selected;
        }

        var selected = FindSelected(p, row, candidates);
        if (shared is not null)
        {
            shared.Selected = selected;
            shared.HasSelected = true;
        }

        return selected;
    }

    /// <summary>
    /// Where a pattern written alike elsewhere keeps what it found in this evaluation; null when the pattern is not
    /// shared, or has so few candidates that testing them again costs less than remembering the answer.
    /// </summary>
    private static SharedResult? SharedResultOf(FactPatternNode p, List<Fact> candidates, WorkingMemory memory) =>
        p.Shared is { IsShared: true } shared && candidates.Count >= MinCandidatesToShare ? memory.SharedResultOf(shared, candidates.Count) : null;

    private static bool FindAny(FactPatternNode p, MatchRow row, List<Fact> candidates)
    {
        var found = false;
        var windowStart = WindowStart(p, row);
        foreach (var fact in candidates)
        {
            if (Accepts(p, fact, row, windowStart))
            {
                found = true;
                break;
            }
        }

        row.Slots[p.Slot] = null;
        return found;
    }

    private static List<Fact> FindAll(FactPatternNode p, MatchRow row, List<Fact> candidates)
    {
        var all = new List<Fact>();
        var windowStart = WindowStart(p, row);
        foreach (var fact in candidates)
        {
            if (Accepts(p, fact, row, windowStart))
            {
                all.Add(fact);
            }
        }

        row.Slots[p.Slot] = null;
        return all;
    }

    /// <summary>
    /// Chooses the latest, earliest, smallest or largest fact of the pattern (value sets and window applied), then
    /// tests <c>where</c> on that one: "the latest B12 is below 180 ng/L", not "the latest B12 that was below 180".
    /// </summary>
    private static Fact? FindSelected(FactPatternNode p, MatchRow row, List<Fact> candidates)
    {
        Fact? best = null;
        Value bestValue = default;
        DateTimeOffset? bestDate = null;
        var windowStart = WindowStart(p, row);
        foreach (var fact in candidates)
        {
            if (!Accepts(p, fact, row, windowStart, testWhere: false))
            {
                continue;
            }

            if (p.Select is Selection.Latest or Selection.Earliest)
            {
                var date = FactDates.Of(p.Type, fact);
                if (best is null || (date is { } d && (bestDate is null || (p.Select == Selection.Latest ? d >= bestDate : d < bestDate))))
                {
                    best = fact;
                    bestDate = date;
                }
            }
            else
            {
                var value = p.SelectField!.Read(fact);
                if (value.IsNull)
                {
                    continue;
                }

                if (best is null || ExpressionCompiler.Compare(value, bestValue) is { } c && (p.Select == Selection.Min ? c < 0 : c > 0))
                {
                    best = fact;
                    bestValue = value;
                }
            }
        }

        if (best is not null && p.Where is not null)
        {
            row.Slots[p.Slot] = best;
            if (!p.Where(row).IsTrue)
            {
                best = null;
            }
        }

        row.Slots[p.Slot] = null;
        return best;
    }

    /// <summary>The first and last dated facts of the inner pattern (one pass, no sort: ties keep the earlier-added fact first).</summary>
    private static AggregateFact? Trend(TrendNode t, MatchRow row, WorkingMemory memory)
    {
        var members = All(t.Inner, row, memory);
        Fact? first = null, last = null;
        DateTimeOffset firstDate = default, lastDate = default;
        var dated = 0;
        foreach (var fact in members)
        {
            if (FactDates.Of(t.Inner.Type, fact) is not { } date)
            {
                continue;
            }

            dated++;
            if (first is null || date < firstDate)
            {
                first = fact;
                firstDate = date;
            }

            if (last is null || date >= lastDate)
            {
                last = fact;
                lastDate = date;
            }
        }

        if (dated < 2)
        {
            return null;
        }

        var a = t.Field.Read(first!);
        var b = t.Field.Read(last!);
        var change = a.Kind switch
        {
            ValueKind.Quantity when b.Kind == ValueKind.Quantity && Quantities.TryConvert(a, b.Unit!, b.MolarMass, out var aInB) => Value.FromQuantity(b.Number - aInB, b.Unit!, b.MolarMass),
            ValueKind.Number when b.Kind == ValueKind.Number => Value.FromNumber(b.Number - a.Number),
            _ => Value.Null,
        };

        return new AggregateFact
        {
            Kind = "trend",
            Source = TrendSource,
            Members = members,
            Fields = new FieldTable(
                TrendFields,
                [Value.FromFact(first), Value.FromFact(last), change, Value.FromNumber(decimal.Round((decimal)(lastDate - firstDate).TotalDays, 2)), Value.FromNumber(dated)]),
        };
    }

    /// <summary>The fewest candidates for which a shared pattern's result is remembered (see <see cref="SharedResultOf"/>).</summary>
    private const int MinCandidatesToShare = 1;

    private static readonly string[] CountFields = ["count"];

    private static readonly string[] TrendFields = ["first", "last", "change", "days", "count"];

    private static readonly SourceReference TrendSource = new("Aggregate", null, null, "trend");

    private static readonly SourceReference CountSource = new("Aggregate", null, null, "count");
}
