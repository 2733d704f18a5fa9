using System.Collections.Frozen;

namespace B12Cds.Facts.Terminology;

/// <summary>
/// What each code of the catalog names, by code system: the value sets listing it (exactly or under a prefix such as
/// ATC <c>B03BA*</c>) and the lab analyte it identifies. A coding is looked up with one hash of its code: its system is
/// found first among the catalog's few systems by reference (the parser reads well-known URIs as shared literal
/// strings, and the index holds the interned instance of each of its URIs), else by text after normalising it as
/// <see cref="CodeSystems.TryNormalize"/> does. Immutable and safe to share between threads.
/// </summary>
internal sealed class CodeIndex
{
    /// <summary>The longest code upper-cased on the stack for lookup (ICD-10-CM and ATC codes are a few characters).</summary>
    private const int CodeBufferLength = 64;

    private static readonly string[] NoIds = [];

    /// <summary>The systems a coding's system string may be compared with by reference: those whose URI is its own canonical form.</summary>
    private readonly SystemCodes[] _systems;
    private readonly FrozenDictionary<string, SystemCodes>.AlternateLookup<ReadOnlySpan<char>> _bySystem;

    /// <summary>Initializes a new instance of the <see cref="CodeIndex"/> class.</summary>
    /// <param name="exact">The value sets (ids in ordinal order, each once) of each canonical system and normalised code.</param>
    /// <param name="prefixes">The value sets (ids in ordinal order, each once, at least one) of each canonical system and code prefix (without its <c>*</c>).</param>
    /// <param name="analytes">The analyte of each canonical system and normalised code.</param>
    public CodeIndex(
        IReadOnlyDictionary<(string System, string Code), string[]> exact,
        IReadOnlyDictionary<(string System, string Prefix), string[]> prefixes,
        IReadOnlyDictionary<(string System, string Code), LabAnalyte> analytes)
    {
        var codes = new Dictionary<string, Dictionary<string, CodeEntry>>(StringComparer.Ordinal);
        Dictionary<string, CodeEntry> CodesOf(string system)
        {
            if (!codes.TryGetValue(system, out var of))
            {
                codes[system] = of = new Dictionary<string, CodeEntry>(StringComparer.Ordinal);
            }

            return of;
        }

        foreach (var ((system, code), ids) in exact)
        {
            var of = CodesOf(system);
            of[code] = new CodeEntry(ids, of.GetValueOrDefault(code)?.Analyte);
        }

        foreach (var ((system, code), analyte) in analytes)
        {
            var of = CodesOf(system);
            of[code] = new CodeEntry(of.GetValueOrDefault(code)?.ValueSetIds ?? NoIds, analyte);
        }

        foreach (var ((system, _), _) in prefixes)
        {
            CodesOf(system);
        }

        var systems = new List<SystemCodes>(codes.Count);
        foreach (var (system, entries) in codes.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var prefixEntries = prefixes
                .Where(p => string.Equals(p.Key.System, system, StringComparison.Ordinal))
                .OrderBy(p => p.Key.Prefix, StringComparer.Ordinal)
                .Select(p => new PrefixEntry(p.Key.Prefix, p.Value))
                .ToArray();

            // A listed code's value sets include those of the prefixes it falls under, worked out here once.
            var withPrefixes = entries.ToFrozenDictionary(
                kv => kv.Key,
                kv => kv.Value with { ValueSetIds = WithPrefixes(kv.Value.ValueSetIds, prefixEntries, kv.Key) },
                StringComparer.Ordinal);
            systems.Add(new SystemCodes(string.Intern(system), CodeSystems.IsCaseInsensitive(system), withPrefixes.GetAlternateLookup<ReadOnlySpan<char>>(), prefixEntries));
        }

        _systems = systems.Where(s => CodeSystems.Canonical(s.Uri.AsSpan()).SequenceEqual(s.Uri)).ToArray();
        _bySystem = systems.ToFrozenDictionary(s => s.Uri, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>
    /// Gets the value sets listing the code: exactly, under a listed prefix, or through a set including one of those
    /// (the exact ones first, in ordinal order, then those of each matching prefix); none when the system or code is
    /// missing or blank.
    /// </summary>
    public string[] ValueSetIds(string? system, string? code)
    {
        Span<char> buffer = stackalloc char[CodeBufferLength];
        if (!TryFind(system, code, buffer, out var codes, out var normalized))
        {
            return NoIds;
        }

        if (codes.Codes.TryGetValue(normalized, out var entry))
        {
            return entry.ValueSetIds;
        }

        return codes.Prefixes.Length == 0 ? NoIds : WithPrefixes(NoIds, codes.Prefixes, normalized);
    }

    /// <summary>Gets the analyte the code identifies; null when none does, or the system or code is missing or blank.</summary>
    public LabAnalyte? Analyte(string? system, string? code)
    {
        Span<char> buffer = stackalloc char[CodeBufferLength];
        return TryFind(system, code, buffer, out var codes, out var normalized) && codes.Codes.TryGetValue(normalized, out var entry)
            ? entry.Analyte
            : null;
    }

    /// <summary>
    /// Gets <paramref name="ids"/> followed by the value sets of each prefix <paramref name="code"/> starts with, each
    /// once; one of the given arrays when that is the whole list, else a new one.
    /// </summary>
    private static string[] WithPrefixes(string[] ids, PrefixEntry[] prefixes, ReadOnlySpan<char> code)
    {
        var result = ids;
        List<string>? all = null;
        foreach (var prefix in prefixes)
        {
            if (!code.StartsWith(prefix.Prefix, StringComparison.Ordinal))
            {
                continue;
            }

            if (all is null && result.Length == 0)
            {
                result = prefix.Ids;
                continue;
            }

            foreach (var id in prefix.Ids)
            {
                if (all is null)
                {
                    if (Array.IndexOf(result, id) >= 0)
                    {
                        continue;
                    }

                    all = [.. result];
                }

                if (!all.Contains(id))
                {
                    all.Add(id);
                }
            }
        }

        return all is null ? result : [.. all];
    }

    /// <summary>Finds the codes of the coding's system and normalises its code; false when the index has no code of that system, or either is missing or blank.</summary>
    private bool TryFind(string? system, string? code, Span<char> buffer, out SystemCodes codes, out ReadOnlySpan<char> normalizedCode)
    {
        codes = null!;
        normalizedCode = default;
        if (string.IsNullOrWhiteSpace(code) || system is null || !TryFindSystem(system, out codes))
        {
            return false;
        }

        normalizedCode = code.AsSpan().Trim();
        if (codes.CaseInsensitive)
        {
            var written = normalizedCode.Length <= buffer.Length ? normalizedCode.ToUpperInvariant(buffer) : -1;
            normalizedCode = written >= 0 ? buffer[..written] : normalizedCode.ToString().ToUpperInvariant();
        }

        return true;
    }

    private bool TryFindSystem(string system, out SystemCodes codes)
    {
        foreach (var known in _systems)
        {
            if (ReferenceEquals(known.Uri, system))
            {
                codes = known;
                return true;
            }
        }

        codes = null!;
        return !string.IsNullOrWhiteSpace(system) && _bySystem.TryGetValue(CodeSystems.Canonical(system.AsSpan()), out codes!);
    }

    /// <summary>What the codes of one code system name.</summary>
    /// <param name="Uri">The canonical system URI (interned).</param>
    /// <param name="CaseInsensitive">Whether codes are upper-cased before lookup (ICD-10-CM, ATC).</param>
    /// <param name="Codes">The entry of each normalised code.</param>
    /// <param name="Prefixes">The prefix codes, in ordinal order.</param>
    private sealed record SystemCodes(string Uri, bool CaseInsensitive, FrozenDictionary<string, CodeEntry>.AlternateLookup<ReadOnlySpan<char>> Codes, PrefixEntry[] Prefixes);

    /// <summary>What one code names.</summary>
    /// <param name="ValueSetIds">The value sets listing the code, exactly or under a prefix.</param>
    /// <param name="Analyte">The analyte the code identifies, if any.</param>
    private sealed record CodeEntry(string[] ValueSetIds, LabAnalyte? Analyte);

    private sealed record PrefixEntry(string Prefix, string[] Ids);
}
