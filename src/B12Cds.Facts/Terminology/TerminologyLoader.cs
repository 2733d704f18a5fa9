using B12Cds.Fhir.Diagnostics;

namespace B12Cds.Facts.Terminology;

/// <summary>
/// Loads value set files (<c>rules/valuesets/*.yaml</c>) into a <see cref="TerminologyCatalog"/>. Every problem is
/// reported, with file, line and column, not just the first; a catalogue is built only when there is no error.
/// </summary>
public static class TerminologyLoader
{
    /// <summary>Loads every <c>*.yaml</c> and <c>*.yml</c> file directly in <paramref name="directory"/>, in ordinal file-name order.</summary>
    /// <param name="directory">The directory; diagnostics name files by this path joined with the file name.</param>
    public static TerminologyLoadResult LoadDirectory(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var diagnostics = new List<FileDiagnostic>();
        if (!Directory.Exists(directory))
        {
            diagnostics.Add(Unreadable(directory, $"Value set directory '{directory}' does not exist."));
            return new TerminologyLoadResult(null, diagnostics);
        }

        var paths = Directory.EnumerateFiles(directory)
            .Where(p => p.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || p.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (paths.Count == 0)
        {
            diagnostics.Add(Unreadable(directory, $"Value set directory '{directory}' has no *.yaml or *.yml file."));
            return new TerminologyLoadResult(null, diagnostics);
        }

        var files = new List<(string, string)>(paths.Count);
        foreach (var path in paths)
        {
            try
            {
                files.Add((path, File.ReadAllText(path)));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                diagnostics.Add(Unreadable(path, $"Cannot read '{path}': {ex.Message}"));
            }
        }

        return Load(files, diagnostics);
    }

    /// <summary>Loads value set files given as name and YAML text (the name is used only in diagnostics).</summary>
    public static TerminologyLoadResult Load(IEnumerable<(string FileName, string Yaml)> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        return Load(files.ToList(), []);
    }

    private static TerminologyLoadResult Load(List<(string FileName, string Yaml)> files, List<FileDiagnostic> diagnostics)
    {
        if (files.Count == 0 && diagnostics.Count == 0)
        {
            diagnostics.Add(Unreadable(string.Empty, "No value set files were given."));
        }

        var drafts = files.Select(f => ValueSetFileReader.Read(f.FileName, f.Yaml ?? string.Empty, diagnostics)).ToList();
        var entries = drafts.SelectMany(d => d.Entries).ToList();

        var unique = CheckIds(entries, diagnostics);
        CheckIncludes(unique, diagnostics);
        CheckAnalyteCodes(unique, diagnostics);

        var fileOrder = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (name, _) in files)
        {
            fileOrder.TryAdd(name, fileOrder.Count);
        }

        var sorted = diagnostics
            .OrderBy(d => fileOrder.TryGetValue(d.Location.File, out var i) ? i : -1)
            .ThenBy(d => d.Location.Line)
            .ThenBy(d => d.Location.Column)
            .ToList();

        if (sorted.Exists(d => d.IsError))
        {
            return new TerminologyLoadResult(null, sorted);
        }

        var valueSets = unique.Values.Where(e => !e.IsAnalyte).Select(ToValueSet).ToList();
        var analytes = unique.Values.Where(e => e.IsAnalyte).Select(ToAnalyte).ToList();
        var catalog = new TerminologyCatalog(CombineVersions(drafts.Select(d => d.Version!)), valueSets, analytes);
        return new TerminologyLoadResult(catalog, sorted);
    }

    /// <summary>Reports ids used twice (value sets and analytes share one namespace); returns the first entry per id, in file order.</summary>
    private static Dictionary<string, EntryDraft> CheckIds(List<EntryDraft> entries, List<FileDiagnostic> diagnostics)
    {
        var unique = new Dictionary<string, EntryDraft>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (!unique.TryAdd(entry.Id, entry))
            {
                var first = unique[entry.Id];
                Error(diagnostics, TerminologyDiagnosticIds.DuplicateId, entry.IdLocation, $"Duplicate id '{entry.Id}': already used by the {(first.IsAnalyte ? "analyte" : "value set")} at {first.IdLocation}.");
            }
        }

        return unique;
    }

    /// <summary>Reports <c>includeValueSets</c> entries naming no value set, and every cycle (once per closing edge).</summary>
    private static void CheckIncludes(Dictionary<string, EntryDraft> entries, List<FileDiagnostic> diagnostics)
    {
        var valueSetIds = entries.Values.Where(e => !e.IsAnalyte).Select(e => e.Id).ToList();
        foreach (var entry in entries.Values)
        {
            foreach (var (id, location) in entry.Includes)
            {
                if (!entries.TryGetValue(id, out var target))
                {
                    var suggestion = ValueSetFileReader.Closest(id, valueSetIds);
                    Error(diagnostics, TerminologyDiagnosticIds.UnknownInclude, location, $"'{entry.Id}' includes '{id}', which is not a value set{(suggestion is null ? "." : $"; did you mean '{suggestion}'?")}");
                }
                else if (target.IsAnalyte)
                {
                    Error(diagnostics, TerminologyDiagnosticIds.UnknownInclude, location, $"'{entry.Id}' includes '{id}', which is an analyte; only value sets can be included.");
                }
            }
        }

        // Depth-first search; an edge to a value set still on the path closes a cycle.
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false: on the path; true: done
        var path = new List<string>();

        void Visit(EntryDraft entry)
        {
            state[entry.Id] = false;
            path.Add(entry.Id);
            foreach (var (id, location) in entry.Includes)
            {
                if (!entries.TryGetValue(id, out var child) || child.IsAnalyte)
                {
                    continue;
                }

                if (!state.TryGetValue(id, out var done))
                {
                    Visit(child);
                }
                else if (!done)
                {
                    var cycle = path.Skip(path.IndexOf(id)).Append(id);
                    Error(diagnostics, TerminologyDiagnosticIds.IncludeCycle, location, $"includeValueSets forms a cycle: {string.Join(" -> ", cycle)}.");
                }
            }

            path.RemoveAt(path.Count - 1);
            state[entry.Id] = true;
        }

        foreach (var entry in entries.Values)
        {
            if (!entry.IsAnalyte && !state.ContainsKey(entry.Id))
            {
                Visit(entry);
            }
        }
    }

    /// <summary>Reports a code listed under two analytes.</summary>
    private static void CheckAnalyteCodes(Dictionary<string, EntryDraft> entries, List<FileDiagnostic> diagnostics)
    {
        var owners = new Dictionary<(string, string), EntryDraft>();
        foreach (var entry in entries.Values.Where(e => e.IsAnalyte))
        {
            foreach (var (code, location) in entry.Codes)
            {
                if (!owners.TryAdd((code.System, code.Code), entry))
                {
                    Error(diagnostics, TerminologyDiagnosticIds.AmbiguousAnalyteCode, location, $"{code.Code} ({code.System}) is already a code of the analyte '{owners[(code.System, code.Code)].Id}'; a result must identify one analyte.");
                }
            }
        }
    }

    private static ValueSet ToValueSet(EntryDraft e) => new()
    {
        Id = e.Id,
        Title = e.Title,
        Codes = [.. e.Codes.Select(c => c.Code)],
        Includes = [.. e.Includes.Select(i => i.Id)],
        TextPatterns = [.. e.Text],
        ExcludeText = [.. e.ExcludeText],
        Domain = e.Domain,
        Location = e.Location,
    };

    private static LabAnalyte ToAnalyte(EntryDraft e) => new()
    {
        Id = e.Id,
        Title = e.Title,
        Codes = [.. e.Codes.Select(c => c.Code)],
        TextPatterns = [.. e.Text],
        ExcludeText = [.. e.ExcludeText],
        CanonicalUnit = e.CanonicalUnit,
        AcceptedUnits = [.. e.AcceptedUnits],
        MolarMass = e.MolarMass,
        Valence = e.Valence,
        UnitAliases = e.UnitAliases.ToDictionary(StringComparer.Ordinal),
        Qualitative = e.Qualitative,
        Location = e.Location,
    };

    /// <summary>The one version all files share, else the distinct versions in ascending order joined with '+'.</summary>
    private static string CombineVersions(IEnumerable<string> versions)
    {
        var distinct = versions.Distinct(StringComparer.Ordinal).Order(VersionComparer.Instance).ToList();
        return string.Join('+', distinct);
    }

    private static FileDiagnostic Unreadable(string path, string message) =>
        new(TerminologyDiagnosticIds.FileUnreadable, IssueSeverity.Error, new SourceLocation(path, 0, 0), message);

    private static void Error(List<FileDiagnostic> diagnostics, string id, SourceLocation location, string message) =>
        diagnostics.Add(new FileDiagnostic(id, IssueSeverity.Error, location, message));

    /// <summary>Compares dotted versions segment by segment, numerically where both segments are numbers (2026.9 &lt; 2026.11).</summary>
    private sealed class VersionComparer : IComparer<string>
    {
        public static readonly VersionComparer Instance = new();

        public int Compare(string? x, string? y)
        {
            var a = (x ?? string.Empty).Split('.');
            var b = (y ?? string.Empty).Split('.');
            for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
            {
                var c = long.TryParse(a[i], out var na) && long.TryParse(b[i], out var nb)
                    ? na.CompareTo(nb)
                    : string.CompareOrdinal(a[i], b[i]);
                if (c != 0)
                {
                    return c;
                }
            }

            return a.Length.CompareTo(b.Length);
        }
    }
}
