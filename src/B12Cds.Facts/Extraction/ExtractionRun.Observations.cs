using System.Globalization;
using System.Text.RegularExpressions;
using B12Cds.Facts.Model;
using B12Cds.Facts.Terminology;
using B12Cds.Fhir.Diagnostics;
using B12Cds.Fhir.Model;

namespace B12Cds.Facts.Extraction;

/// <summary>Observations: laboratory results (per analyte, panels by component) and non-laboratory findings.</summary>
internal sealed partial class ExtractionRun
{
    private const string InterpretationSystem = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";

    private void ReadObservation(InputEntry entry, Observation observation)
    {
        if (observation.Status is "entered-in-error" or "cancelled" or "registered")
        {
            Skip(entry, observation.Status, "status");
            return;
        }

        var readAny = false;
        if (_terminology.TryMatchAnalyte(observation.Code, out var analyte, out var match))
        {
            ReadLab(entry, observation, analyte, match, new ObservationValue(observation), subPath: null);
            readAny = true;
        }

        for (var i = 0; i < observation.Component.Count; i++)
        {
            var component = observation.Component[i];
            if (_terminology.TryMatchAnalyte(component.Code, out var componentAnalyte, out var componentMatch))
            {
                ReadLab(entry, observation, componentAnalyte, componentMatch, new ObservationValue(component), $"component[{i}]");
                readAny = true;
            }
        }

        if (!readAny)
        {
            ReadObservationFinding(entry, observation);
        }
    }

    private void ReadLab(InputEntry entry, Observation observation, LabAnalyte analyte, ConceptMatch match, ObservationValue value, string? subPath)
    {
        var path = subPath is null ? entry.Path : $"{entry.Path}.{subPath}";
        if (observation.EffectiveTime() is not { } effective)
        {
            Report(FactIssueIds.NoDate, IssueSeverity.Warning, "required", $"{analyte.Title} result has no effective date or issued time, so it cannot be placed in time; skipped.", $"{entry.Path}.effective");
            return;
        }

        var label = value.Code?.Label() ?? analyte.Title;
        var interpretation = InterpretationCodes(value.Interpretation);
        var reading = default(LabReading);
        switch (value)
        {
            case { Quantity: { } q }:
                ReadQuantity(ref reading, analyte, q, path, "valueQuantity");
                break;
            case { Text: { } text } when ParseCensored(text) is { } censored:
                ReadQuantity(ref reading, analyte, censored, path, "valueString");
                reading.ValueText = text;
                break;
            case { Text: { } text }:
                reading.ValueText = text;
                reading.ValueConcepts = _terminology.Match(new CodeableConcept { Text = text }, Domains.Result);
                break;
            case { Concept: { } concept }:
                reading.ValueText = concept.Label();
                reading.ValueConcepts = _terminology.Match(concept, Domains.Result);
                break;
            case { Boolean: { } b }:
                reading.ValueText = b ? "true" : "false";
                break;
            case { Integer: { } n }:
                ReadQuantity(ref reading, analyte, new Quantity { Value = n }, path, "valueInteger");
                break;
            case { Ratio: { Numerator.Value: { } num, Denominator.Value: { } den } }:
                reading.ValueText = $"{num}:{den}";
                break;
            case { Range: { } r }:
                reading.ValueText = $"{r.Low?.Value?.ToString() ?? string.Empty}-{r.High?.Value?.ToString() ?? string.Empty} {r.Low?.Unit ?? r.High?.Unit}".Trim();
                break;
        }

        if (reading.Value is null && reading.ValueProblem is null && (reading.ValueConcepts?.Count ?? 0) == 0 && reading.ValueText is null && interpretation.Length == 0)
        {
            var why = value.DataAbsentReason?.Label() is { } reason ? $" (data absent: {reason})" : string.Empty;
            Report(FactIssueIds.ValueMissing, IssueSeverity.Warning, "required", $"{analyte.Title} result has no value{why}.", path);
            reading.ValueProblem = "value-missing";
        }

        Measurement? referenceLow = null;
        Measurement? referenceHigh = null;
        if (value.ReferenceRange is { } range)
        {
            referenceLow = ToCanonical(analyte, range.Low);
            referenceHigh = ToCanonical(analyte, range.High);
        }

        _facts.Add(new LabResult
        {
            Source = SourceOf(entry, subPath),
            Concepts = [match],
            Label = label,
            Analyte = analyte.Id,
            Code = match.Coding,
            Effective = effective,
            Status = observation.Status,
            Interpretation = interpretation,
            Value = reading.Value,
            Reported = reading.Reported,
            Comparator = reading.Comparator,
            ValueConcepts = reading.ValueConcepts ?? [],
            ValueText = reading.ValueText,
            ReferenceLow = referenceLow,
            ReferenceHigh = referenceHigh,
            ValueProblem = reading.ValueProblem,
        });
    }

    /// <summary>Reads a quantity value into <paramref name="reading"/>: its comparator, and its value in the analyte's unit or the reason it has none.</summary>
    /// <param name="reading">The reading so far.</param>
    /// <param name="analyte">The result's analyte.</param>
    /// <param name="quantity">The quantity.</param>
    /// <param name="owner">The path of the Observation or component.</param>
    /// <param name="element">The value element (<c>valueQuantity</c>…): issues name <c>owner.element</c>, a path made only when one is reported.</param>
    private void ReadQuantity(ref LabReading reading, LabAnalyte analyte, Quantity quantity, string owner, string element)
    {
        reading.Comparator = quantity.Comparator;
        if (quantity.Value is not { } number)
        {
            Report(FactIssueIds.ValueMissing, IssueSeverity.Warning, "required", $"{analyte.Title} quantity has no value.", $"{owner}.{element}");
            reading.ValueProblem = "value-missing";
            return;
        }

        if (!number.IsExact)
        {
            Report(FactIssueIds.ValueOutOfRange, IssueSeverity.Warning, "value", $"{analyte.Title} value {number.Text} is out of any plausible range; it is not used.", $"{owner}.{element}.value");
            reading.ValueProblem = "value-out-of-range";
            return;
        }

        if (LabUnitOf(quantity, analyte) is not { } unit)
        {
            if (analyte.CanonicalUnit is null or "1" or "{ratio}")
            {
                var unitless = new Measurement(number.Value, analyte.CanonicalUnit ?? "1");
                reading.Value = unitless;
                reading.Reported = unitless;
                return;
            }

            Report(FactIssueIds.UnitMissing, IssueSeverity.Warning, "required", $"{analyte.Title} {number.Text} has no unit, so it cannot be interpreted (expected {Expected(analyte)}).", $"{owner}.{element}.unit");
            reading.ValueProblem = "unit-missing";
            reading.ValueText = number.Text;
            return;
        }

        if (unit.Ucum is not { } ucum)
        {
            Report(FactIssueIds.UnitNotConvertible, IssueSeverity.Warning, "value", $"{analyte.Title} unit '{unit.Text}' is not a known unit, so {number.Text} cannot be interpreted (expected {Expected(analyte)}).", $"{owner}.{element}.unit");
            reading.ValueProblem = "unit-unknown";
            reading.ValueText = $"{number.Text} {unit.Text}";
            return;
        }

        var reported = new Measurement(number.Value, ucum);
        reading.Reported = reported;
        if (analyte.CanonicalUnit is not { } canonical)
        {
            return;
        }

        // Same unit: keep the value exactly as reported (1.50 stays 1.50).
        if (string.Equals(ucum, canonical, StringComparison.Ordinal))
        {
            reading.Value = reported;
            return;
        }

        if (unit.ToCanonical is not { } factor || !factor.TryApply(number.Value, out var converted))
        {
            Report(FactIssueIds.UnitNotConvertible, IssueSeverity.Warning, "value", $"{analyte.Title} unit '{unit.Text}' cannot be converted to {canonical}, so {number.Text} cannot be interpreted (expected {Expected(analyte)}).", $"{owner}.{element}.unit");
            reading.ValueProblem = "unit-not-convertible";
            return;
        }

        reading.Value = new Measurement(converted, canonical);
    }

    /// <summary>Converts a reference range bound to the analyte's canonical unit (always through the factor, so 150.0 becomes 150); null when it cannot be.</summary>
    private Measurement? ToCanonical(LabAnalyte analyte, Quantity? quantity)
    {
        if (quantity?.Value is not { IsExact: true } number || analyte.CanonicalUnit is not { } canonical)
        {
            return null;
        }

        return LabUnitOf(quantity, analyte) is { } unit && unit.TryConvertBound(number.Value, out var converted)
            ? new Measurement(converted, canonical)
            : null;
    }

    private static string? UnitText(Quantity quantity)
    {
        var code = string.Equals(quantity.System, Quantity.UcumSystem, StringComparison.Ordinal) ? quantity.Code : null;
        var text = !string.IsNullOrWhiteSpace(code) ? code : quantity.Unit;
        return string.IsNullOrWhiteSpace(text) ? null : text;
    }

    private static string Expected(LabAnalyte analyte) => analyte.AcceptedUnits.Count > 0 ? string.Join(", ", analyte.AcceptedUnits) : analyte.CanonicalUnit ?? "a unit";

    /// <summary>Reads a censored result written as text, e.g. "&lt;50 pmol/L" or "&gt; 1000".</summary>
    private static Quantity? ParseCensored(string text)
    {
        var m = CensoredPattern().Match(text);
        if (!m.Success || !decimal.TryParse(m.Groups["value"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        var unit = m.Groups["unit"].Value.Trim();
        return new Quantity
        {
            Value = value,
            Comparator = m.Groups["comparator"].Success && m.Groups["comparator"].Value.Length > 0 ? m.Groups["comparator"].Value : null,
            Unit = unit.Length == 0 ? null : unit,
        };
    }

    [GeneratedRegex(@"^\s*(?<comparator><=|>=|<|>)?\s*(?<value>[0-9]+(\.[0-9]+)?)\s*(?<unit>[^\s0-9][^\s]*)?\s*$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex CensoredPattern();

    /// <summary>Gets the interpretation codes (H, L, POS, NEG...), in an array of their number; a shared empty one when there are none.</summary>
    private static string[] InterpretationCodes(IReadOnlyList<CodeableConcept> interpretation)
    {
        var count = 0;
        for (var i = 0; i < interpretation.Count; i++)
        {
            var codings = interpretation[i].Coding;
            for (var j = 0; j < codings.Count; j++)
            {
                if (IsInterpretationCode(codings[j]))
                {
                    count++;
                }
            }
        }

        if (count == 0)
        {
            return [];
        }

        var codes = new string[count];
        count = 0;
        for (var i = 0; i < interpretation.Count; i++)
        {
            var codings = interpretation[i].Coding;
            for (var j = 0; j < codings.Count; j++)
            {
                if (IsInterpretationCode(codings[j]))
                {
                    codes[count++] = codings[j].Code!;
                }
            }
        }

        return codes;
    }

    private static bool IsInterpretationCode(Coding coding) =>
        coding.Code is not null
        && (coding.System is null || coding.System == InterpretationSystem || coding.System.EndsWith("ObservationInterpretation", StringComparison.Ordinal));

    private void ReadObservationFinding(InputEntry entry, Observation observation)
    {
        var concepts = MatchAll(Domains.Finding, observation.Code, observation.ValueCodeableConcept);
        if (concepts.Count == 0)
        {
            NotRelevant(entry, observation.Code);
            return;
        }

        if (observation.ValueBoolean == false
            || (observation.ValueCodeableConcept is { } v && _terminology.Match(v, Domains.Result).Any(m => m.ValueSetId == "result-negative"))
            || InterpretationCodes(observation.Interpretation).Contains("NEG", StringComparer.Ordinal))
        {
            Report(FactIssueIds.RecordedAbsent, IssueSeverity.Information, "informational", $"Observation '{observation.Code?.Label()}' is recorded as absent or negative; not a fact.", entry.Path);
            return;
        }

        _facts.Add(new Finding
        {
            Source = SourceOf(entry),
            Concepts = concepts,
            Label = observation.ValueCodeableConcept?.Label() is { } valueLabel ? $"{observation.Code?.Label()}: {valueLabel}" : observation.Code?.Label(),
            Status = FactStatus.Active,
            Code = FirstCodeMatch(concepts),
            Onset = observation.EffectiveTime(),
            Abatement = observation.EffectivePeriod?.End,
            Recorded = observation.Issued,
        });
    }

    /// <summary>What a lab result's value[x] gave, gathered before the <see cref="LabResult"/> is built once.</summary>
    private struct LabReading
    {
        public Measurement? Value;
        public Measurement? Reported;
        public string? Comparator;
        public string? ValueText;
        public IReadOnlyList<ConceptMatch>? ValueConcepts;
        public string? ValueProblem;
    }

    /// <summary>The value[x] of an Observation or of one of its components.</summary>
    private readonly record struct ObservationValue(
        CodeableConcept? Code,
        Quantity? Quantity,
        string? Text,
        CodeableConcept? Concept,
        bool? Boolean,
        int? Integer,
        Ratio? Ratio,
        Fhir.Model.Range? Range,
        CodeableConcept? DataAbsentReason,
        IReadOnlyList<CodeableConcept> Interpretation,
        ObservationReferenceRange? ReferenceRange)
    {
        public ObservationValue(Observation o)
            : this(o.Code, o.ValueQuantity, o.ValueString, o.ValueCodeableConcept, o.ValueBoolean, o.ValueInteger, o.ValueRatio, o.ValueRange, o.DataAbsentReason, o.Interpretation, o.ReferenceRange.Count > 0 ? o.ReferenceRange[0] : null)
        {
        }

        public ObservationValue(ObservationComponent c)
            : this(c.Code, c.ValueQuantity, c.ValueString, c.ValueCodeableConcept, c.ValueBoolean, c.ValueInteger, c.ValueRatio, c.ValueRange, c.DataAbsentReason, c.Interpretation, c.ReferenceRange.Count > 0 ? c.ReferenceRange[0] : null)
        {
        }
    }
}
