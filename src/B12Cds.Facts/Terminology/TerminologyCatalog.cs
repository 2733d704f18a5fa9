using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using B12Cds.Fhir.Model;

namespace B12Cds.Facts.Terminology;

/// <summary>
/// The loaded value sets and lab analytes, with fast lookups: codes in frozen dictionaries keyed by system and code,
/// prefix codes in short per-system lists, and each value set's text patterns compiled once (on first use) into one
/// non-backtracking regular expression behind a literal prefilter. Immutable and safe to share between threads.
/// Built by <see cref="TerminologyLoader"/>.
/// </summary>
public sealed class TerminologyCatalog
{
    /// <summary>The most distinct texts whose matches are remembered (a few MB at most).</summary>
    private const int TextMemoCapacity = 20_000;

    private readonly FrozenDictionary<string, ValueSet> _valueSets;
    private readonly CodeIndex _codes;
    private readonly TextEntry[] _textEntries;
    private readonly AnalyteTextEntry[] _analyteText;
    private readonly TextMemo<int[]> _textHits = new(TextMemoCapacity);
    private readonly TextMemo<LabAnalyte[]> _analyteTextHits = new(TextMemoCapacity);

    internal TerminologyCatalog(string version, IReadOnlyList<ValueSet> valueSets, IReadOnlyList<LabAnalyte> analytes)
    {
        Version = version;
        _valueSets = valueSets.ToFrozenDictionary(v => v.Id, StringComparer.Ordinal);
        ValueSets = _valueSets;
        Analytes = analytes.ToFrozenDictionary(a => a.Id, StringComparer.Ordinal);

        // Every value set that contains a value set's members: itself and, transitively, every set including it.
        var includers = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var v in valueSets)
        {
            foreach (var child in v.Includes)
            {
                if (!includers.TryGetValue(child, out var list))
                {
                    includers[child] = list = [];
                }

                list.Add(v.Id);
            }
        }

        var containing = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var v in valueSets)
        {
            containing[v.Id] = Ancestors(v.Id, includers);
        }

        var exact = new Dictionary<(string System, string Code), SortedSet<string>>();
        var prefixes = new Dictionary<(string System, string Prefix), SortedSet<string>>();
        foreach (var v in valueSets)
        {
            foreach (var code in v.Codes)
            {
                var target = code.IsPrefix
                    ? GetOrAdd(prefixes, (code.System, code.Code[..^1]))
                    : GetOrAdd(exact, (code.System, code.Code));
                target.UnionWith(containing[v.Id]);
            }
        }

        _textEntries = BuildTextEntries(valueSets);

        var byCode = new Dictionary<(string System, string Code), LabAnalyte>();
        foreach (var a in analytes)
        {
            foreach (var code in a.Codes)
            {
                byCode.TryAdd((code.System, code.Code), a);
            }
        }

        _codes = new CodeIndex(
            exact.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray()),
            prefixes.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray()),
            byCode);
        _analyteText = analytes
            .Where(a => a.TextPatterns.Count > 0)
            .Select(a => new AnalyteTextEntry(a, TextMatcher.Create(a.TextPatterns)!, TextMatcher.Create(a.ExcludeText)))
            .ToArray();
    }

    /// <summary>Gets the version of the files: their shared <c>version</c>, or the distinct versions joined with <c>+</c> in ascending order when the files disagree.</summary>
    public string Version { get; }

    /// <summary>Gets the value sets by id.</summary>
    public IReadOnlyDictionary<string, ValueSet> ValueSets { get; }

    /// <summary>Gets the lab analytes by id.</summary>
    public IReadOnlyDictionary<string, LabAnalyte> Analytes { get; }

    /// <summary>
    /// Finds every value set <paramref name="concept"/> belongs to, including through <c>includeValueSets</c>. A coding
    /// whose system and code are listed (or fall under a listed prefix) gives a <see cref="MatchKind.Code"/> match. For
    /// value sets not matched by code, the text patterns are tried on the concept's text and on each coding's display,
    /// giving a <see cref="MatchKind.Text"/> match unless an <c>excludeText</c> phrase occurs in the same text.
    /// Code matches come first, each group ordered by value set id.
    /// </summary>
    /// <returns>The matches; an empty list (shared) when there are none.</returns>
    public IReadOnlyList<ConceptMatch> Match(CodeableConcept? concept) => (IReadOnlyList<ConceptMatch>?)MatchAll(concept) ?? [];

    /// <summary>
    /// Gets the value sets of the given domains (finding, procedure, medication, allergy, route, result) that the
    /// concept belongs to: what a resource of one kind may match, so that text meant for one kind of value set does
    /// not match a resource of another kind.
    /// </summary>
    public IReadOnlyList<ConceptMatch> Match(CodeableConcept? concept, params ReadOnlySpan<string> domains)
    {
        if (MatchAll(concept) is not { } all)
        {
            return [];
        }

        // The list is this call's own: the matches of other domains are taken out of it in place, the order kept.
        var kept = 0;
        for (var i = 0; i < all.Count; i++)
        {
            if (_valueSets.TryGetValue(all[i].ValueSetId, out var set) && (set.Domain is not { } domain || domains.Contains(domain)))
            {
                all[kept++] = all[i];
            }
        }

        if (kept == 0)
        {
            return [];
        }

        all.RemoveRange(kept, all.Count - kept);
        return all;
    }

    /// <summary>
    /// Identifies the lab analyte an Observation code names: by code (LOINC or a listed local code) first, else by
    /// text. Fails when nothing matches or when the concept could be more than one analyte (two codes of different
    /// analytes, or text matching several): a result must never be read as the wrong analyte.
    /// </summary>
    public bool TryMatchAnalyte(CodeableConcept? code, [NotNullWhen(true)] out LabAnalyte? analyte, [NotNullWhen(true)] out ConceptMatch? match)
    {
        if (code is not null && FindAnalyte(code) is var (found, how))
        {
            analyte = found;
            match = how;
            return true;
        }

        analyte = null;
        match = null;
        return false;
    }

    /// <summary>
    /// Gets a value indicating whether <paramref name="coding"/>'s system and code belong to the value set
    /// <paramref name="valueSetId"/> (listed, under a listed prefix, or in an included value set). Codes only: display
    /// text is not considered. False for an unknown value set id.
    /// </summary>
    public bool Contains(string valueSetId, Coding coding)
    {
        ArgumentNullException.ThrowIfNull(valueSetId);
        ArgumentNullException.ThrowIfNull(coding);
        foreach (var id in CodeMatches(coding))
        {
            if (string.Equals(id, valueSetId, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Finds the matches <see cref="Match(CodeableConcept?)"/> gives, in a new list; null when there are none.</summary>
    private List<ConceptMatch>? MatchAll(CodeableConcept? concept)
    {
        if (concept is null)
        {
            return null;
        }

        List<ConceptMatch>? matches = null;
        var codings = concept.Coding;
        for (var c = 0; c < codings.Count; c++)
        {
            if (codings[c] is not { } coding)
            {
                continue;
            }

            foreach (var id in CodeMatches(coding))
            {
                if (!Contains(matches, id))
                {
                    (matches ??= []).Add(new ConceptMatch(id, MatchKind.Code, coding, null));
                }
            }
        }

        var codeMatchCount = matches?.Count ?? 0;
        if (codeMatchCount > 1)
        {
            matches!.Sort(MatchComparer.Instance);
        }

        if (_textEntries.Length > 0)
        {
            if (!string.IsNullOrWhiteSpace(concept.Text))
            {
                AddTextMatches(concept.Text, null, ref matches);
            }

            for (var c = 0; c < codings.Count; c++)
            {
                if (codings[c] is { Display: { } display } coding && !string.IsNullOrWhiteSpace(display))
                {
                    AddTextMatches(display, coding, ref matches);
                }
            }

            if (matches is not null && matches.Count > codeMatchCount + 1)
            {
                matches.Sort(codeMatchCount, matches.Count - codeMatchCount, MatchComparer.Instance);
            }
        }

        return matches;
    }

    private static bool Contains(List<ConceptMatch>? matches, string id)
    {
        if (matches is null)
        {
            return false;
        }

        foreach (var m in matches)
        {
            if (string.Equals(m.ValueSetId, id, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static SortedSet<string> GetOrAdd<TKey>(Dictionary<TKey, SortedSet<string>> dictionary, TKey key)
        where TKey : notnull
    {
        if (!dictionary.TryGetValue(key, out var value))
        {
            dictionary[key] = value = new SortedSet<string>(StringComparer.Ordinal);
        }

        return value;
    }

    private static string[] Ancestors(string id, Dictionary<string, List<string>> includers)
    {
        var result = new SortedSet<string>(StringComparer.Ordinal) { id };
        var stack = new Stack<string>();
        stack.Push(id);
        while (stack.Count > 0)
        {
            if (includers.TryGetValue(stack.Pop(), out var parents))
            {
                foreach (var parent in parents)
                {
                    if (result.Add(parent))
                    {
                        stack.Push(parent);
                    }
                }
            }
        }

        return [.. result];
    }

    /// <summary>Orders the value sets with any text (own or inherited) so that included sets come before the sets including them.</summary>
    private static TextEntry[] BuildTextEntries(IReadOnlyList<ValueSet> valueSets)
    {
        var byId = valueSets.ToDictionary(v => v.Id, StringComparer.Ordinal);
        var hasText = new Dictionary<string, bool>(StringComparer.Ordinal);

        bool HasText(ValueSet v)
        {
            if (hasText.TryGetValue(v.Id, out var known))
            {
                return known;
            }

            hasText[v.Id] = false; // the loader has refused cycles; this only guards the recursion
            var result = v.TextPatterns.Count > 0 || v.Includes.Any(i => byId.TryGetValue(i, out var child) && HasText(child));
            hasText[v.Id] = result;
            return result;
        }

        var order = new List<ValueSet>();
        var visited = new HashSet<string>(StringComparer.Ordinal);

        void Visit(ValueSet v)
        {
            if (!visited.Add(v.Id))
            {
                return;
            }

            foreach (var i in v.Includes)
            {
                if (byId.TryGetValue(i, out var child))
                {
                    Visit(child);
                }
            }

            if (HasText(v))
            {
                order.Add(v);
            }
        }

        foreach (var v in valueSets)
        {
            Visit(v);
        }

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < order.Count; i++)
        {
            index[order[i].Id] = i;
        }

        return order
            .Select(v => new TextEntry(
                v.Id,
                TextMatcher.Create(v.TextPatterns),
                TextMatcher.Create(v.ExcludeText),
                v.Includes.Where(index.ContainsKey).Select(i => index[i]).ToArray()))
            .ToArray();
    }

    private string[] CodeMatches(Coding coding) => _codes.ValueSetIds(coding.System, coding.Code);

    private void AddTextMatches(string text, Coding? coding, ref List<ConceptMatch>? matches)
    {
        foreach (var i in _textHits.GetOrAdd(text, static (t, self) => self.TextHits(t), this))
        {
            var id = _textEntries[i].Id;
            if (!Contains(matches, id))
            {
                (matches ??= []).Add(new ConceptMatch(id, MatchKind.Text, coding, text));
            }
        }
    }

    /// <summary>Gets the indexes (ascending) of the text entries <paramref name="text"/> matches, directly or through an included set.</summary>
    private int[] TextHits(string text)
    {
        Span<bool> hits = _textEntries.Length <= 256 ? stackalloc bool[_textEntries.Length] : new bool[_textEntries.Length];
        Span<char> buffer = text.Length <= 512 ? stackalloc char[text.Length] : new char[text.Length];
        var lower = TextMatcher.AsciiLower(text, buffer);
        List<int>? found = null;
        for (var i = 0; i < _textEntries.Length; i++)
        {
            var entry = _textEntries[i];
            var hit = entry.Include?.IsMatch(text, lower) == true;
            if (!hit)
            {
                foreach (var child in entry.Children)
                {
                    if (hits[child])
                    {
                        hit = true;
                        break;
                    }
                }
            }

            if (hit && entry.Exclude?.IsMatch(text, lower) == true)
            {
                hit = false;
            }

            hits[i] = hit;
            if (hit)
            {
                (found ??= []).Add(i);
            }
        }

        return found is null ? [] : [.. found];
    }

    private (LabAnalyte Analyte, ConceptMatch Match)? FindAnalyte(CodeableConcept code)
    {
        LabAnalyte? analyte = null;
        ConceptMatch? match = null;
        var codings = code.Coding;
        for (var i = 0; i < codings.Count; i++)
        {
            if (codings[i] is not { } coding || _codes.Analyte(coding.System, coding.Code) is not { } found)
            {
                continue;
            }

            if (analyte is null)
            {
                analyte = found;
                match = new ConceptMatch(found.Id, MatchKind.Code, coding, null);
            }
            else if (!ReferenceEquals(analyte, found))
            {
                return null;
            }
        }

        if (analyte is null)
        {
            if (!string.IsNullOrWhiteSpace(code.Text) && !TryMatchAnalyteText(code.Text, null, ref analyte, ref match))
            {
                return null;
            }

            for (var i = 0; i < codings.Count; i++)
            {
                if (codings[i] is { Display: { } display } coding && !string.IsNullOrWhiteSpace(display) && !TryMatchAnalyteText(display, coding, ref analyte, ref match))
                {
                    return null;
                }
            }
        }

        return analyte is null || match is null ? null : (analyte, match);
    }

    /// <summary>Adds the analyte <paramref name="text"/> names to the one found so far; false when it names a different one or several.</summary>
    private bool TryMatchAnalyteText(string text, Coding? coding, ref LabAnalyte? analyte, ref ConceptMatch? match)
    {
        foreach (var found in _analyteTextHits.GetOrAdd(text, static (t, self) => self.AnalytesNamedBy(t), this))
        {
            if (analyte is null)
            {
                analyte = found;
                match = new ConceptMatch(found.Id, MatchKind.Text, coding, text);
            }
            else if (!ReferenceEquals(analyte, found))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Gets the analytes whose text patterns <paramref name="text"/> matches (and no exclusion), in catalog order.</summary>
    private LabAnalyte[] AnalytesNamedBy(string text)
    {
        Span<char> buffer = text.Length <= 512 ? stackalloc char[text.Length] : new char[text.Length];
        var lower = TextMatcher.AsciiLower(text, buffer);
        List<LabAnalyte>? found = null;
        foreach (var entry in _analyteText)
        {
            if (entry.Include.IsMatch(text, lower) && entry.Exclude?.IsMatch(text, lower) != true)
            {
                (found ??= []).Add(entry.Analyte);
            }
        }

        return found is null ? [] : [.. found];
    }

    private sealed record TextEntry(string Id, TextMatcher? Include, TextMatcher? Exclude, int[] Children);

    private sealed record AnalyteTextEntry(LabAnalyte Analyte, TextMatcher Include, TextMatcher? Exclude);

    private sealed class MatchComparer : IComparer<ConceptMatch>
    {
        public static readonly MatchComparer Instance = new();

        public int Compare(ConceptMatch? x, ConceptMatch? y) => string.CompareOrdinal(x?.ValueSetId, y?.ValueSetId);
    }
}
