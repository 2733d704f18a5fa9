using B12Cds.Fhir.Json;

namespace B12Cds.Rules.Scenarios;

/// <summary>One patient of a simulation: a name for reports, and how to read its FHIR data (read when evaluated, on any thread).</summary>
/// <param name="Id">How reports name it: a file path relative to the input folder, or <c>file.ndjson:line</c>.</param>
/// <param name="Read">Reads and parses the data; must never throw for bad input.</param>
public sealed record PatientInput(string Id, Func<FhirParseResult> Read);
