using B12Cds.Facts.Model;
using B12Cds.Facts.Terminology;
using B12Cds.Fhir.Diagnostics;
using B12Cds.Fhir.Model;

namespace B12Cds.Facts.Extraction;

/// <summary>The state of one extraction: the input's index, the subject patient, the facts and issues so far.</summary>
internal sealed partial class ExtractionRun
{
    private readonly TerminologyCatalog _terminology;
    private readonly ResourceIndex _index;
    private readonly DateTimeOffset _asOf;
    private readonly ExtractionOptions _options;
    private readonly List<Fact> _facts;
    private readonly List<FhirIssue> _issues;
    private InputEntry? _subject;

    /// <summary>
    /// The subject's <c>fullUrl</c> when it is the first entry with it, so that a reference naming it (as nearly every
    /// resource of a Bundle does) is known to resolve to the subject without a lookup; else null.
    /// </summary>
    private string? _subjectFullUrl;

    /// <summary>Initializes a new instance of the <see cref="ExtractionRun"/> class.</summary>
    /// <param name="terminology">The value sets and analytes.</param>
    /// <param name="index">The input's resources.</param>
    /// <param name="asOf">The evaluation time.</param>
    /// <param name="options">The settings.</param>
    /// <param name="issues">Issues found before extraction (the parser's), given first.</param>
    public ExtractionRun(TerminologyCatalog terminology, ResourceIndex index, DateTimeOffset asOf, ExtractionOptions options, IReadOnlyList<FhirIssue>? issues = null)
    {
        _terminology = terminology;
        _index = index;
        _asOf = asOf;
        _options = options;
        _facts = new List<Fact>(index.Entries.Count + 1);
        _issues = issues is { Count: > 0 } ? [.. issues] : [];
    }

    public FactSet Execute()
    {
        var patient = ChoosePatient();
        if (patient is not null)
        {
            _facts.Add(patient);
        }

        foreach (var entry in _index.Entries)
        {
            switch (entry.Resource)
            {
                case Observation observation when BelongsToSubject(entry, observation.Subject):
                    ReadObservation(entry, observation);
                    break;
                case Condition condition when BelongsToSubject(entry, condition.Subject):
                    ReadCondition(entry, condition);
                    break;
                case MedicationRequest request when BelongsToSubject(entry, request.Subject):
                    ReadMedicationRequest(entry, request);
                    break;
                case MedicationStatement statement when BelongsToSubject(entry, statement.Subject):
                    ReadMedicationStatement(entry, statement);
                    break;
                case MedicationAdministration administration when BelongsToSubject(entry, administration.Subject):
                    ReadMedicationAdministration(entry, administration);
                    break;
                case Procedure procedure when BelongsToSubject(entry, procedure.Subject):
                    ReadProcedure(entry, procedure);
                    break;
                case AllergyIntolerance allergy when BelongsToSubject(entry, allergy.Patient, "patient"):
                    ReadAllergy(entry, allergy);
                    break;
            }
        }

        return new FactSet { AsOf = _asOf, Patient = patient, Facts = _facts, Issues = _issues };
    }

    private PatientFact? ChoosePatient()
    {
        var patientCount = 0;
        _subject = null;
        foreach (var e in _index.Entries)
        {
            if (e.Resource is not Patient)
            {
                continue;
            }

            patientCount++;
            if (_subject is null && (_options.PatientId is not { } wanted || string.Equals(e.Resource.Id, wanted, StringComparison.Ordinal)))
            {
                _subject = e;
            }
        }

        _subjectFullUrl = _subject is null ? null : FirstFullUrl(_subject);

        if (_subject is null)
        {
            var message = _options.PatientId is null
                ? "The input has no Patient resource: age and sex are unknown, and every resource is read as the same patient's."
                : $"The input has no Patient with id '{_options.PatientId}': age and sex are unknown.";
            Report(FactIssueIds.NoPatient, IssueSeverity.Warning, "not-found", message, null);
            return null;
        }

        if (patientCount > 1)
        {
            Report(
                FactIssueIds.SeveralPatients,
                IssueSeverity.Warning,
                "business-rule",
                $"The input has {patientCount} Patient resources; {_subject.Resource.RelativeReference() ?? _subject.Path} is evaluated and the others' data is skipped.",
                _subject.Path);
        }

        var p = (Patient)_subject.Resource;
        return new PatientFact
        {
            Source = SourceOf(_subject),
            Label = p.Name.Count > 0 ? "Patient" : null,
            PatientId = p.Id,
            BirthDate = p.BirthDate,
            AgeYears = p.BirthDate is { } b ? AgeAt(b, _asOf) : null,
            Sex = p.Gender,
            Deceased = p.DeceasedBoolean == true || p.DeceasedDateTime is not null,
        };
    }

    /// <summary>Gets the entry's <c>fullUrl</c> when no entry before it has the same one (and it is not a <c>#</c> local reference); else null.</summary>
    private string? FirstFullUrl(InputEntry entry)
    {
        if (entry.FullUrl is not { } fullUrl || string.IsNullOrWhiteSpace(fullUrl) || fullUrl.StartsWith('#'))
        {
            return null;
        }

        foreach (var e in _index.Entries)
        {
            if (ReferenceEquals(e, entry))
            {
                return fullUrl;
            }

            if (string.Equals(e.FullUrl, fullUrl, StringComparison.Ordinal))
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>Gets the age in whole years at <paramref name="asOf"/>; for a partial birth date, the lowest age it allows.</summary>
    internal static int AgeAt(FhirDateTime birthDate, DateTimeOffset asOf)
    {
        var latestBirth = DateOnly.FromDateTime(birthDate.Precision == DateTimePrecision.Time ? birthDate.Start.UtcDateTime : birthDate.End.AddDays(-1).UtcDateTime);
        var today = DateOnly.FromDateTime(asOf.UtcDateTime);
        var age = today.Year - latestBirth.Year;
        if (today < latestBirth.AddYears(age))
        {
            age--;
        }

        return Math.Max(age, 0);
    }

    private bool BelongsToSubject(InputEntry entry, Reference? subject, string element = "subject")
    {
        if (subject?.ReferenceValue is null)
        {
            return true;
        }

        if (_subject is null)
        {
            return _options.PatientId is not { } wanted || NamesRequestedPatient(entry, subject, element, wanted);
        }

        // What Resolve would find: the first entry with that fullUrl, the subject.
        if (_subjectFullUrl is not null && string.Equals(subject.ReferenceValue, _subjectFullUrl, StringComparison.Ordinal))
        {
            return true;
        }

        var resolved = _index.Resolve(subject, entry);
        if (resolved is not null)
        {
            if (ReferenceEquals(resolved.Resource, _subject.Resource))
            {
                return true;
            }

            if (resolved.Resource is Patient)
            {
                Report(FactIssueIds.OtherPatient, IssueSeverity.Warning, "business-rule", $"This {entry.Resource.ResourceType} is about another patient ({subject.ReferenceValue}); skipped.", $"{entry.Path}.{element}");
                return false;
            }
        }

        // Unresolved: accept it when it names the subject's id (Patient/123, http://ehr/fhir/Patient/123).
        var id = _subject.Resource.Id;
        if (id is not null && subject.ReferenceValue.TrimEnd('/').EndsWith($"Patient/{id}", StringComparison.Ordinal))
        {
            return true;
        }

        Report(
            FactIssueIds.UnresolvedReference,
            IssueSeverity.Warning,
            "not-found",
            $"The subject reference '{subject.ReferenceValue}' resolves to no resource in the input and does not name the patient evaluated; this {entry.Resource.ResourceType} was skipped.",
            $"{entry.Path}.{element}");
        return false;
    }

    /// <summary>
    /// With a requested patient id that no Patient in the input has, keep only what names that patient: data about
    /// anyone else must never become this patient's facts.
    /// </summary>
    private bool NamesRequestedPatient(InputEntry entry, Reference subject, string element, string wanted)
    {
        var resolved = _index.Resolve(subject, entry);
        if (resolved?.Resource is Patient p ? string.Equals(p.Id, wanted, StringComparison.Ordinal) : subject.ReferenceValue!.TrimEnd('/').EndsWith($"Patient/{wanted}", StringComparison.Ordinal))
        {
            return true;
        }

        Report(FactIssueIds.OtherPatient, IssueSeverity.Warning, "business-rule", $"This {entry.Resource.ResourceType} is about another patient ({subject.ReferenceValue}), not Patient/{wanted}; skipped.", $"{entry.Path}.{element}");
        return false;
    }

    private static SourceReference SourceOf(InputEntry entry, string? subPath = null) =>
        new(entry.Resource.ResourceType, entry.Resource.Id, entry.Resource.RelativeReference() ?? entry.FullUrl, subPath is null ? entry.Path : $"{entry.Path}.{subPath}");

    private void Report(string id, IssueSeverity severity, string code, string message, string? expression) =>
        _issues.Add(new FhirIssue(id, severity, code, message, expression));

    private void Skip(InputEntry entry, string status, string element)
    {
        Report(
            FactIssueIds.ExcludedStatus,
            IssueSeverity.Information,
            "informational",
            $"{entry.Resource.ResourceType} skipped: {element} is '{status}'.",
            $"{entry.Path}.{element}");
    }

    private void NotRelevant(InputEntry entry, CodeableConcept? code)
    {
        if (_options.ReportNotRelevant)
        {
            Report(
                FactIssueIds.NotRelevant,
                IssueSeverity.Information,
                "informational",
                $"{entry.Resource.ResourceType} '{code?.Label() ?? "(no code)"}' matches no B12 value set; not a fact.",
                $"{entry.Path}.code");
        }
    }

    private static string? StatusCode(CodeableConcept? status)
    {
        if (status is null)
        {
            return null;
        }

        var codings = status.Coding;
        for (var i = 0; i < codings.Count; i++)
        {
            if (codings[i].Code is { } code)
            {
                return code;
            }
        }

        return status.Text?.Trim().ToLowerInvariant();
    }

    /// <summary>Gets the coding of the first code match, if any.</summary>
    private static Coding? FirstCodeMatch(IReadOnlyList<ConceptMatch> concepts)
    {
        for (var i = 0; i < concepts.Count; i++)
        {
            if (concepts[i].Kind == MatchKind.Code)
            {
                return concepts[i].Coding;
            }
        }

        return null;
    }

    private static int IndexOf(List<ConceptMatch> matches, string valueSetId)
    {
        for (var i = 0; i < matches.Count; i++)
        {
            if (matches[i].ValueSetId == valueSetId)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Matches a concept and a second one (an Observation's coded value) as one list, as <see cref="Merge"/> merges them.</summary>
    private IReadOnlyList<ConceptMatch> MatchAll(string domain, CodeableConcept? first, CodeableConcept? second)
    {
        var matches = _terminology.Match(first, domain);
        List<ConceptMatch>? merged = null;
        Merge(ref merged, matches, _terminology.Match(second, domain));
        return merged ?? matches;
    }

    /// <summary>Matches a concept and those of its parts (a Medication's ingredients, an allergy's reaction substances) as one list, as <see cref="Merge"/> merges them.</summary>
    private IReadOnlyList<ConceptMatch> MatchAll<T>(string domain, CodeableConcept? first, IReadOnlyList<T> parts, Func<T, CodeableConcept?> conceptOf)
    {
        var matches = _terminology.Match(first, domain);
        List<ConceptMatch>? merged = null;
        for (var i = 0; i < parts.Count; i++)
        {
            Merge(ref merged, matches, _terminology.Match(conceptOf(parts[i]), domain));
        }

        return merged ?? matches;
    }

    /// <summary>
    /// Adds a part's matches to the whole's (copied into <paramref name="merged"/> when the part has any): a value set
    /// not matched yet is added; a code match of a part replaces a text match of the whole.
    /// </summary>
    private static void Merge(ref List<ConceptMatch>? merged, IReadOnlyList<ConceptMatch> whole, IReadOnlyList<ConceptMatch> part)
    {
        for (var i = 0; i < part.Count; i++)
        {
            var m = part[i];
            merged ??= [.. whole];
            var existing = IndexOf(merged, m.ValueSetId);
            if (existing < 0)
            {
                merged.Add(m);
            }
            else if (merged[existing].Kind == MatchKind.Text && m.Kind == MatchKind.Code)
            {
                // A code found in an ingredient outranks a text match on the product's name.
                merged[existing] = m;
            }
        }
    }
}
