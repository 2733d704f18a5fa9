using System.Globalization;
using System.Text.RegularExpressions;
using B12Cds.Fhir.Diagnostics;

namespace B12Cds.Facts.Terminology;

/// <summary>One value set or analyte as read from a file, before the checks that span entries and files.</summary>
internal sealed class EntryDraft
{
    public required bool IsAnalyte { get; init; }

    public required string Id { get; init; }

    public required SourceLocation IdLocation { get; init; }

    public required SourceLocation Location { get; init; }

    public required string Title { get; init; }

    public List<(ValueSetCode Code, SourceLocation Location)> Codes { get; } = [];

    public List<(string Id, SourceLocation Location)> Includes { get; } = [];

    public List<string> Text { get; } = [];

    public List<string> ExcludeText { get; } = [];

    public string? CanonicalUnit { get; set; }

    public List<string> AcceptedUnits { get; } = [];

    public decimal? MolarMass { get; set; }

    public bool Qualitative { get; set; }

    public string? Domain { get; set; }

    public int? Valence { get; set; }

    public Dictionary<string, string> UnitAliases { get; } = new(StringComparer.Ordinal);
}

/// <summary>What one file holds: its version and entries.</summary>
internal sealed record FileDraft(string FileName, string? Version, IReadOnlyList<EntryDraft> Entries);

/// <summary>
/// Reads one value set file: checks its shape key by key and every code on its own (format, check digit, status),
/// reporting every problem with its line and column. Problems that span entries or files are the loader's.
/// </summary>
internal sealed partial class ValueSetFileReader
{
    private static readonly string[] FileKeys = ["version", "domain", "valueSets", "analytes"];
    private static readonly string[] ValueSetKeys = ["id", "title", "codes", "includeValueSets", "text", "excludeText"];
    private static readonly string[] AnalyteKeys = ["id", "title", "codes", "text", "excludeText", "canonicalUnit", "acceptedUnits", "molarMass", "valence", "unitAliases", "qualitative"];
    private static readonly string[] CodeKeys = ["system", "code", "display", "status", "source"];
    private static readonly string[] Statuses = [ValueSetCode.Confirmed, ValueSetCode.SingleSource, ValueSetCode.Unconfirmed];

    private readonly string _file;
    private readonly List<FileDiagnostic> _diagnostics;

    private ValueSetFileReader(string file, List<FileDiagnostic> diagnostics)
    {
        _file = file;
        _diagnostics = diagnostics;
    }

    /// <summary>Reads <paramref name="yaml"/>, adding problems to <paramref name="diagnostics"/>.</summary>
    public static FileDraft Read(string file, string yaml, List<FileDiagnostic> diagnostics)
    {
        var reader = new ValueSetFileReader(file, diagnostics);
        var errorsBefore = diagnostics.Count;
        var root = YamlTreeReader.Read(file, yaml, diagnostics);
        if (root is null)
        {
            if (diagnostics.Count == errorsBefore)
            {
                reader.Error(TerminologyDiagnosticIds.MissingKey, new SourceLocation(file, 0, 0), "The file is empty; it needs at least 'version'.");
            }

            return new FileDraft(file, null, []);
        }

        return reader.ReadFile(root);
    }

    private FileDraft ReadFile(TreeNode root)
    {
        if (root is not TreeMapping mapping)
        {
            Error(TerminologyDiagnosticIds.InvalidValue, root.Location, $"The file must be a mapping with 'version' and 'valueSets' or 'analytes', not {root.Shape}.");
            return new FileDraft(_file, null, []);
        }

        var entries = new List<EntryDraft>();
        string? version = null;
        string? domain = null;
        TreeNode? domainNode = null;
        var versionMalformed = false;
        foreach (var (key, value) in Known(mapping, FileKeys, "at the top of a value set file"))
        {
            switch (key)
            {
                case "version":
                    version = ReadString(value, key);
                    versionMalformed = value is not TreeScalar;
                    break;
                case "domain":
                    domain = ReadString(value, key);
                    domainNode = value;
                    break;
                case "valueSets":
                    ReadEntries(value, key, isAnalyte: false, entries);
                    break;
                case "analytes":
                    ReadEntries(value, key, isAnalyte: true, entries);
                    break;
            }
        }

        if (string.IsNullOrEmpty(version) && !versionMalformed)
        {
            Error(TerminologyDiagnosticIds.MissingKey, mapping.Location, "The file has no 'version' (e.g. version: 2026.11.0).");
        }

        if (domain is not null && !ValueSet.Domains.Contains(domain))
        {
            Error(TerminologyDiagnosticIds.InvalidValue, domainNode!.Location, $"'{domain}' is not a domain: use one of {string.Join(", ", ValueSet.Domains)}.");
        }

        foreach (var entry in entries)
        {
            entry.Domain = entry.IsAnalyte ? "lab" : domain;
        }

        return new FileDraft(_file, version, entries);
    }

    private void ReadEntries(TreeNode node, string key, bool isAnalyte, List<EntryDraft> entries)
    {
        if (node is TreeScalar { IsNull: true })
        {
            return;
        }

        if (node is not TreeSequence sequence)
        {
            Error(TerminologyDiagnosticIds.InvalidValue, node.Location, $"'{key}' must be a list of entries (each starting '- id: ...'), not {node.Shape}.");
            return;
        }

        foreach (var item in sequence.Items)
        {
            if (item is not TreeMapping entry)
            {
                Error(TerminologyDiagnosticIds.InvalidValue, item.Location, $"Each item of '{key}' must be a mapping with 'id', 'title'…, not {item.Shape}.");
                continue;
            }

            if (ReadEntry(entry, isAnalyte) is { } draft)
            {
                entries.Add(draft);
            }
        }
    }

    private EntryDraft? ReadEntry(TreeMapping mapping, bool isAnalyte)
    {
        var kind = isAnalyte ? "analyte" : "value set";
        var fields = Known(mapping, isAnalyte ? AnalyteKeys : ValueSetKeys, $"in a {kind}").ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);

        string? id = null;
        var idLocation = mapping.Location;
        if (fields.TryGetValue("id", out var idNode))
        {
            idLocation = idNode.Location;
            id = ReadString(idNode, "id");
            if (!string.IsNullOrEmpty(id) && !IdPattern().IsMatch(id))
            {
                Error(TerminologyDiagnosticIds.InvalidId, idNode.Location, $"Id '{id}' must be lower-case letters and digits separated by single hyphens (e.g. b12-total).");
            }
        }

        if (string.IsNullOrEmpty(id))
        {
            Error(TerminologyDiagnosticIds.MissingKey, mapping.Location, $"A {kind} needs an 'id'.");
        }

        var title = fields.TryGetValue("title", out var titleNode) ? ReadString(titleNode, "title") : null;
        var draft = new EntryDraft
        {
            IsAnalyte = isAnalyte,
            Id = id ?? string.Empty,
            IdLocation = idLocation,
            Location = mapping.Location,
            Title = string.IsNullOrEmpty(title) ? id ?? string.Empty : title,
        };

        if (fields.TryGetValue("codes", out var codes))
        {
            ReadCodes(codes, draft);
        }

        if (fields.TryGetValue("includeValueSets", out var includes))
        {
            foreach (var (value, location) in ReadStringList(includes, "includeValueSets"))
            {
                if (value.Length == 0)
                {
                    Error(TerminologyDiagnosticIds.InvalidValue, location, "An empty entry in 'includeValueSets'.");
                }
                else if (!draft.Includes.Exists(i => string.Equals(i.Id, value, StringComparison.Ordinal)))
                {
                    draft.Includes.Add((value, location));
                }
            }
        }

        ReadPatterns(fields, "text", draft.Text);
        ReadPatterns(fields, "excludeText", draft.ExcludeText);

        if (isAnalyte)
        {
            ReadUnits(fields, draft);
        }

        // Judged on what was written, so that a set whose only code is invalid gets the error, not also this warning.
        if (!HasItems(fields, "codes") && !HasItems(fields, "text") && !HasItems(fields, "includeValueSets"))
        {
            Warning(TerminologyDiagnosticIds.EmptyValueSet, mapping.Location, $"The {kind} '{draft.Id}' has no codes, text or includes; it matches nothing.");
        }

        return string.IsNullOrEmpty(id) ? null : draft;
    }

    private static bool HasItems(Dictionary<string, TreeNode> fields, string key) =>
        fields.TryGetValue(key, out var node) && node is not TreeScalar { IsNull: true } && node is not TreeSequence { Items.Count: 0 };

    private void ReadUnits(Dictionary<string, TreeNode> fields, EntryDraft draft)
    {
        if (fields.TryGetValue("canonicalUnit", out var unitNode))
        {
            var unit = ReadString(unitNode, "canonicalUnit");
            draft.CanonicalUnit = string.IsNullOrEmpty(unit) ? null : unit;
        }

        if (fields.TryGetValue("qualitative", out var qualitativeNode) && ReadString(qualitativeNode, "qualitative") is { } q)
        {
            switch (q)
            {
                case "true" or "True" or "TRUE":
                    draft.Qualitative = true;
                    break;
                case "false" or "False" or "FALSE":
                    break;
                default:
                    Error(TerminologyDiagnosticIds.InvalidValue, qualitativeNode.Location, $"'qualitative' must be true or false, not '{q}'.");
                    break;
            }
        }

        if (fields.TryGetValue("molarMass", out var massNode) && ReadString(massNode, "molarMass") is { Length: > 0 } m)
        {
            if (decimal.TryParse(m, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var mass) && mass > 0)
            {
                draft.MolarMass = mass;
            }
            else
            {
                Error(TerminologyDiagnosticIds.InvalidValue, massNode.Location, $"'molarMass' must be a positive number of g/mol (e.g. 1355), not '{m}'.");
            }
        }

        if (fields.TryGetValue("valence", out var valenceNode) && ReadString(valenceNode, "valence") is { Length: > 0 } v)
        {
            if (int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var valence) && valence is >= 1 and <= 4)
            {
                draft.Valence = valence;
            }
            else
            {
                Error(TerminologyDiagnosticIds.InvalidValue, valenceNode.Location, $"'valence' must be the ion's charge, 1 to 4 (1 for K+), not '{v}'.");
            }
        }

        if (fields.TryGetValue("unitAliases", out var aliasNode))
        {
            if (aliasNode is TreeMapping aliases)
            {
                foreach (var (from, to) in aliases.Entries)
                {
                    if (to is TreeScalar { IsNull: false } target && Units.UnitConversion.TryNormalize(target.Value, out var ucum))
                    {
                        draft.UnitAliases[from.Value] = ucum;
                    }
                    else
                    {
                        Error(TerminologyDiagnosticIds.InvalidValue, to.Location, $"The alias of '{from.Value}' must be a UCUM unit (e.g. m[IU]/L).");
                    }
                }
            }
            else
            {
                Error(TerminologyDiagnosticIds.InvalidValue, aliasNode.Location, "'unitAliases' must be a mapping of unit as labs write it: UCUM unit (e.g. mU/L: m[IU]/L).");
            }
        }

        if (draft.CanonicalUnit is { } canonical)
        {
            draft.AcceptedUnits.Add(canonical);
        }

        if (fields.TryGetValue("acceptedUnits", out var acceptedNode))
        {
            foreach (var (unit, location) in ReadStringList(acceptedNode, "acceptedUnits"))
            {
                if (unit.Length == 0)
                {
                    Error(TerminologyDiagnosticIds.InvalidValue, location, "An empty entry in 'acceptedUnits'.");
                }
                else if (!draft.AcceptedUnits.Contains(unit, StringComparer.Ordinal))
                {
                    draft.AcceptedUnits.Add(unit);
                }
            }
        }

        if (draft.CanonicalUnit is null && !draft.Qualitative)
        {
            Error(TerminologyDiagnosticIds.InvalidAnalyteUnits, draft.Location, $"The analyte '{draft.Id}' needs a 'canonicalUnit' (UCUM, e.g. pmol/L) or 'qualitative: true'.");
        }
        else if (draft.Qualitative && (draft.CanonicalUnit is not null || draft.AcceptedUnits.Count > 0 || draft.MolarMass is not null))
        {
            Error(TerminologyDiagnosticIds.InvalidAnalyteUnits, draft.Location, $"The analyte '{draft.Id}' is qualitative, so it has no 'canonicalUnit', 'acceptedUnits' or 'molarMass'.");
        }
    }

    private void ReadPatterns(Dictionary<string, TreeNode> fields, string key, List<string> target)
    {
        if (!fields.TryGetValue(key, out var node))
        {
            return;
        }

        foreach (var (pattern, location) in ReadStringList(node, key))
        {
            if (!TextPattern.IsMeaningful(pattern))
            {
                var what = pattern.Length == 0 ? "is empty" : "has no letter or digit";
                Error(TerminologyDiagnosticIds.EmptyTextPattern, location, $"A pattern in '{key}' {what}; it would match nothing or almost anything.");
            }
            else if (!target.Contains(pattern, StringComparer.OrdinalIgnoreCase))
            {
                target.Add(pattern);
            }
        }
    }

    private void ReadCodes(TreeNode node, EntryDraft draft)
    {
        if (node is TreeScalar { IsNull: true })
        {
            return;
        }

        if (node is not TreeSequence sequence)
        {
            Error(TerminologyDiagnosticIds.InvalidValue, node.Location, $"'codes' must be a list of codes (each '- {{ system: ..., code: ..., status: ... }}'), not {node.Shape}.");
            return;
        }

        var seen = new Dictionary<(string, string), SourceLocation>();
        foreach (var item in sequence.Items)
        {
            if (item is not TreeMapping mapping)
            {
                Error(TerminologyDiagnosticIds.InvalidValue, item.Location, $"Each code must be a mapping with 'system', 'code' and 'status', not {item.Shape}.");
                continue;
            }

            if (ReadCode(mapping) is not { } read)
            {
                continue;
            }

            var key = (read.Code.System, read.Code.Code);
            if (seen.TryGetValue(key, out var first))
            {
                Error(TerminologyDiagnosticIds.DuplicateCode, read.Location, $"{read.Code.Code} ({read.Code.System}) is listed twice in '{draft.Id}' (first at line {first.Line}).");
                continue;
            }

            seen.Add(key, read.Location);
            draft.Codes.Add(read);
        }
    }

    private (ValueSetCode Code, SourceLocation Location)? ReadCode(TreeMapping mapping)
    {
        var fields = Known(mapping, CodeKeys, "in a code").ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        var valid = true;

        string? Required(string key)
        {
            var value = fields.TryGetValue(key, out var n) ? ReadString(n, key) : null;
            if (string.IsNullOrEmpty(value))
            {
                Error(TerminologyDiagnosticIds.MissingKey, mapping.Location, $"A code needs a '{key}'.");
                valid = false;
            }

            return value;
        }

        string? Optional(string key)
        {
            var value = fields.TryGetValue(key, out var n) ? ReadString(n, key) : null;
            return string.IsNullOrEmpty(value) ? null : value;
        }

        var rawSystem = Required("system");
        var rawCode = Required("code");
        var status = Required("status");
        var display = Optional("display");
        var source = Optional("source");

        if (status is not null && !Statuses.Contains(status, StringComparer.Ordinal))
        {
            Error(TerminologyDiagnosticIds.InvalidStatus, fields["status"].Location, $"Status '{status}' is not one of confirmed, single-source (KNOWLEDGE \"C-1\") or unconfirmed (\"U\").");
            valid = false;
        }

        string? system = null;
        if (rawSystem is not null)
        {
            system = CodeSystems.Canonical(rawSystem);
            if (!CodeSystems.IsKnown(system))
            {
                Warning(TerminologyDiagnosticIds.UnknownSystem, fields["system"].Location, $"System '{rawSystem}' is not a known system URI (a local system is fine; a typo matches nothing).");
            }
        }

        string? code = null;
        if (system is not null && rawCode is not null)
        {
            code = CodeSystems.NormalizeCode(system, rawCode);
            valid &= CheckCode(system, code, fields["code"].Location);
        }

        if (!valid || system is null || code is null || status is null)
        {
            return null;
        }

        return (new ValueSetCode(system, code, display, status, source), fields["code"].Location);
    }

    /// <summary>Checks a code's form (and check digit) for its system; reports and returns false when it cannot be a code of that system.</summary>
    private bool CheckCode(string system, string code, SourceLocation location)
    {
        var isPrefix = code.EndsWith('*');
        var body = isPrefix ? code[..^1] : code;
        if (body.Length == 0 || body.Contains('*', StringComparison.Ordinal) || body.Any(char.IsWhiteSpace))
        {
            return FormatError(location, $"Code '{code}' is malformed: no spaces, and '*' only at the end of a prefix.");
        }

        if (isPrefix && !CodeSystems.SupportsPrefixes(system))
        {
            return FormatError(location, $"Prefix '{code}': only ATC and ICD-10-CM codes may be prefixes.");
        }

        switch (system)
        {
            case CodeSystems.Loinc:
                if (!LoincPattern().IsMatch(code))
                {
                    return FormatError(location, $"'{code}' is not a LOINC code (digits, a dash and a check digit, e.g. 14685-2).");
                }

                var payload = code.AsSpan(0, code.Length - 2);
                var expected = CheckDigits.ComputeLoinc(payload);
                if (expected != code[^1] - '0')
                {
                    Error(TerminologyDiagnosticIds.InvalidLoincCheckDigit, location, $"LOINC {code} has check digit {code[^1]}, but {payload} gives {expected}: not a LOINC code (typo?).");
                    return false;
                }

                return true;

            case CodeSystems.SnomedCt:
                if (!SnomedPattern().IsMatch(code))
                {
                    return FormatError(location, $"'{code}' is not a SNOMED CT id (6 to 18 digits, no leading zero).");
                }

                if (!CheckDigits.IsValidVerhoeff(code))
                {
                    Error(TerminologyDiagnosticIds.InvalidSnomedCheckDigit, location, $"SNOMED CT {code} fails the Verhoeff check digit: not a SNOMED CT id (typo?).");
                    return false;
                }

                if (!CheckDigits.IsSnomedConceptPartition(code))
                {
                    return FormatError(location, $"SNOMED CT {code} is not a concept id (its partition digits {code[^3..^1]} are not 00 or 10; a description or relationship id?).");
                }

                return true;

            case CodeSystems.Icd10Cm:
                return (isPrefix ? Icd10PrefixPattern() : Icd10Pattern()).IsMatch(body)
                    || FormatError(location, $"'{code}' is not an ICD-10-CM code (e.g. D51.0; a prefix like N18*).");

            case CodeSystems.Atc:
                return AtcPattern().IsMatch(body)
                    || FormatError(location, $"'{code}' is not an ATC code (e.g. B03BA01; a class prefix like B03BA*).");

            case CodeSystems.RxNorm:
                return RxNormPattern().IsMatch(code)
                    || FormatError(location, $"'{code}' is not an RxNorm code (digits only, e.g. 309594).");

            default:
                return true;
        }
    }

    private bool FormatError(SourceLocation location, string message)
    {
        Error(TerminologyDiagnosticIds.InvalidCodeFormat, location, message);
        return false;
    }

    /// <summary>Yields the entries of <paramref name="mapping"/> whose keys are in <paramref name="allowed"/>; reports the others.</summary>
    private IEnumerable<KeyValuePair<string, TreeNode>> Known(TreeMapping mapping, string[] allowed, string where)
    {
        foreach (var (key, value) in mapping.Entries)
        {
            if (allowed.Contains(key.Value, StringComparer.Ordinal))
            {
                yield return new(key.Value, value);
                continue;
            }

            var suggestion = Closest(key.Value, allowed);
            var hint = suggestion is null ? $"expected one of: {string.Join(", ", allowed)}" : $"did you mean '{suggestion}'?";
            Error(TerminologyDiagnosticIds.UnknownKey, key.Location, $"Unknown key '{key.Value}' {where}; {hint}");
        }
    }

    private string? ReadString(TreeNode node, string key)
    {
        if (node is not TreeScalar scalar)
        {
            Error(TerminologyDiagnosticIds.InvalidValue, node.Location, $"'{key}' must be a single value, not {node.Shape}.");
            return null;
        }

        return scalar.IsNull ? null : scalar.Value.Trim();
    }

    private List<(string Value, SourceLocation Location)> ReadStringList(TreeNode node, string key)
    {
        var result = new List<(string, SourceLocation)>();
        if (node is TreeScalar { IsNull: true })
        {
            return result;
        }

        if (node is not TreeSequence sequence)
        {
            Error(TerminologyDiagnosticIds.InvalidValue, node.Location, $"'{key}' must be a list (e.g. [ \"a\", \"b\" ]), not {node.Shape}.");
            return result;
        }

        foreach (var item in sequence.Items)
        {
            if (item is TreeScalar scalar)
            {
                result.Add((scalar.IsNull ? string.Empty : scalar.Value.Trim(), scalar.Location));
            }
            else
            {
                Error(TerminologyDiagnosticIds.InvalidValue, item.Location, $"Each item of '{key}' must be a single value, not {item.Shape}.");
            }
        }

        return result;
    }

    private void Error(string id, SourceLocation location, string message) =>
        _diagnostics.Add(new FileDiagnostic(id, IssueSeverity.Error, location, message));

    private void Warning(string id, SourceLocation location, string message) =>
        _diagnostics.Add(new FileDiagnostic(id, IssueSeverity.Warning, location, message));

    /// <summary>Gets the allowed key closest to a misspelt one (case-insensitive equal, or at most two edits away), if any.</summary>
    internal static string? Closest(string key, IEnumerable<string> allowed)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in allowed)
        {
            var distance = string.Equals(key, candidate, StringComparison.OrdinalIgnoreCase) ? 0 : EditDistance(key, candidate);
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return bestDistance <= Math.Max(1, Math.Min(2, key.Length / 3)) ? best : null;
    }

    /// <summary>Optimal string alignment distance (Levenshtein plus adjacent transpositions), case-insensitive.</summary>
    private static int EditDistance(string a, string b)
    {
        a = a.ToLowerInvariant();
        b = b.ToLowerInvariant();
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[0-9]{1,7}-[0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex LoincPattern();

    [GeneratedRegex("^[1-9][0-9]{5,17}$", RegexOptions.CultureInvariant)]
    private static partial Regex SnomedPattern();

    [GeneratedRegex(@"^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$", RegexOptions.CultureInvariant)]
    private static partial Regex Icd10Pattern();

    [GeneratedRegex(@"^[A-Z]([0-9]([0-9A-Z](\.[0-9A-Z]{0,4})?)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Icd10PrefixPattern();

    [GeneratedRegex("^[A-Z]([0-9]{2}([A-Z]([A-Z]([0-9]{2})?)?)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex AtcPattern();

    [GeneratedRegex("^[0-9]{1,10}$", RegexOptions.CultureInvariant)]
    private static partial Regex RxNormPattern();
}
