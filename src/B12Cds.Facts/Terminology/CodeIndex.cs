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
    /// <param name="exact">The value sets (ids in ordinal order) of each canonical system and normalised code.</param>
    /// <param name="prefixes">The value sets (ids in ordinal order) of each canonical system and code prefix (without its <c>*</c>).</param>
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

        var systems = codes
            .OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => new SystemCodes(
                string.Intern(kv.Key),
                CodeSystems.IsCaseInsensitive(kv.Key),
                kv.Value.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>(),
                prefixes
                    .Where(p => string.Equals(p.Key.System, kv.Key, StringComparison.Ordinal))
                    .OrderBy(p => p.Key.Prefix, StringComparer.Ordinal)
                    .Select(p => new PrefixEntry(p.Key.Prefix, p.Value))
                    .ToArray()))
            .ToArray();
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

        var ids = codes.Codes.TryGetValue(normalized, out var entry) ? entry.ValueSetIds : NoIds;
        if (codes.Prefixes.Length == 0)
        {
            return ids;
        }

        List<string>? all = null;
        foreach (var prefix in codes.Prefixes)
        {
            if (normalized.StartsWith(prefix.Prefix, StringComparison.Ordinal))
            {
                all ??= [.. ids];
                foreach (var id in prefix.Ids)
                {
                    if (!all.Contains(id))
                    {
                        all.Add(id);
                    }
                }
            }
        }

        return all is null ? ids : [.. all];
    }

    /// <summary>Gets the analyte the code identifies; null when none does, or the system or code is missing or blank.</summary>
    public LabAnalyte? Analyte(string? system, string? code)
    {
        Span<char> buffer = stackalloc char[CodeBufferLength];
        return TryFind(system, code, buffer, out var codes, out var normalized) && codes.Codes.TryGetValue(normalized, out var entry)
            ? entry.Analyte
            : null;
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
    private sealed record CodeEntry(string[] ValueSetIds, LabAnalyte? Analyte);

    private sealed record PrefixEntry(string Prefix, string[] Ids);
}
