using B12Cds.Fhir.Json;
using B12Cds.Fhir.Model;

namespace B12Cds.Fhir.Tests.Support;

/// <summary>
/// Realistic instances of every resource type B12 CDS writes: a hydroxocobalamin loading-then-maintenance regimen,
/// the follow-up serum B12 order, the plan and request group that tie them together, a detected issue, and the
/// Bundle, Parameters and OperationOutcome they travel in.
/// </summary>
internal static class B12Resources
{
    public const string PatientReference = "Patient/pat-0042";
    public const string ConditionReference = "Condition/b12-deficiency";
    public const string CarePlanUrn = "urn:uuid:5f0c2a8e-8d7b-4c52-9a6e-1f3b2c4d5e60";
    public const string MedicationRequestUrn = "urn:uuid:0b6a3c1e-2f4d-4e8a-9b7c-6d5e4f3a2b10";
    public const string ServiceRequestUrn = "urn:uuid:9c8b7a6d-5e4f-4a3b-8c2d-1e0f9a8b7c61";
    public const string RequestGroupUrn = "urn:uuid:3e2d1c0b-9a8f-4e7d-8c6b-5a4f3e2d1c72";
    public const string DetectedIssueUrn = "urn:uuid:7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c83";

    public const string RxNorm = "http://www.nlm.nih.gov/research/umls/rxnorm";
    public const string Snomed = "http://snomed.info/sct";
    public const string Loinc = "http://loinc.org";

    /// <summary>The names <see cref="ByName"/> knows, one per written resource type.</summary>
    public static TheoryData<string> WrittenTypeNames { get; } =
    [
        "CarePlan", "MedicationRequest", "ServiceRequest", "RequestGroup", "DetectedIssue", "OperationOutcome", "Bundle", "Parameters",
    ];

    public static FhirDateTime Now { get; } = FhirDateTime.FromInstant(new DateTimeOffset(2024, 3, 15, 10, 30, 0, TimeSpan.Zero));

    public static Resource ByName(string name) => name switch
    {
        "CarePlan" => CarePlan(),
        "MedicationRequest" => MedicationRequest(),
        "ServiceRequest" => ServiceRequest(),
        "RequestGroup" => RequestGroup(),
        "DetectedIssue" => DetectedIssue(),
        "OperationOutcome" => OperationOutcome(),
        "Bundle" => Bundle(),
        "Parameters" => Parameters(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not a written resource type."),
    };

    public static CodeableConcept Hydroxocobalamin { get; } = new()
    {
        Coding = [new Coding { System = RxNorm, Code = "5514", Display = "hydroxocobalamin" }],
        Text = "Hydroxocobalamin 1 mg/1 mL solution for injection",
    };

    public static CodeableConcept Cyanocobalamin { get; } = new()
    {
        Coding = [new Coding { System = RxNorm, Code = "11248", Display = "vitamin B 12" }],
        Text = "Cyanocobalamin 1000 microgram tablets",
    };

    public static CodeableConcept SerumB12 { get; } = new()
    {
        Coding = [new Coding { System = Loinc, Code = "2132-9", Display = "Cobalamin (Vitamin B12) [Mass/volume] in Serum or Plasma" }],
        Text = "Serum vitamin B12",
    };

    public static CodeableConcept IntramuscularRoute { get; } = new()
    {
        Coding = [new Coding { System = Snomed, Code = "78421000", Display = "Intramuscular route" }],
    };

    public static CarePlan CarePlan() => new()
    {
        Id = "b12-replacement-plan",
        Status = "draft",
        Intent = "proposal",
        Title = "Vitamin B12 replacement",
        Description = "Hydroxocobalamin loading then maintenance, with a follow-up serum B12.",
        Subject = Reference.To(PatientReference, "Jane Example"),
        Created = Now,
        Addresses = [Reference.To(ConditionReference)],
        Activity =
        [
            new CarePlanActivity { Reference = Reference.To(MedicationRequestUrn) },
            new CarePlanActivity { Reference = Reference.To(ServiceRequestUrn) },
            new CarePlanActivity
            {
                Detail = new CarePlanActivityDetail
                {
                    Kind = "MedicationRequest",
                    Code = Hydroxocobalamin,
                    Status = "not-started",
                    DoNotPerform = false,
                    ScheduledTiming = new Timing
                    {
                        Repeat = new TimingRepeat
                        {
                            BoundsDuration = Quantity.Ucum(2m, "wk"),
                            Frequency = 1,
                            Period = 2m,
                            PeriodUnit = "d",
                        },
                    },
                    ProductCodeableConcept = Hydroxocobalamin,
                    DailyAmount = Quantity.Ucum(1m, "mg"),
                    Description = "Loading: hydroxocobalamin 1 mg IM on alternate days for 2 weeks.",
                },
            },
            new CarePlanActivity
            {
                Detail = new CarePlanActivityDetail
                {
                    Kind = "MedicationRequest",
                    Status = "not-started",
                    ScheduledTiming = new Timing
                    {
                        Repeat = new TimingRepeat
                        {
                            BoundsDuration = Quantity.Ucum(3m, "mo"),
                            Frequency = 1,
                            Period = 1m,
                            PeriodUnit = "d",
                        },
                    },
                    ProductCodeableConcept = Cyanocobalamin,
                    DailyAmount = Quantity.Ucum(1000m, "ug"),
                    Description = "Alternative: oral cyanocobalamin 1000 microgram daily.",
                },
            },
        ],
        Note = [new Annotation { Text = "Proposed by B12 CDS; review before signing." }],
    };

    public static MedicationRequest MedicationRequest() => new()
    {
        Id = "b12-hydroxocobalamin",
        Status = "draft",
        Intent = "proposal",
        Priority = "routine",
        MedicationCodeableConcept = Hydroxocobalamin,
        Subject = Reference.To(PatientReference),
        AuthoredOn = Now,
        ReasonReference = [Reference.To(ConditionReference)],
        DosageInstruction =
        [
            new Dosage
            {
                Sequence = 1,
                Text = "1 mg IM on alternate days for 2 weeks",
                Timing = new Timing
                {
                    Repeat = new TimingRepeat { BoundsDuration = Quantity.Ucum(2m, "wk"), Frequency = 1, Period = 2m, PeriodUnit = "d" },
                },
                Route = IntramuscularRoute,
                DoseAndRate = [new DosageDoseAndRate { DoseQuantity = Quantity.Ucum(1m, "mg") }],
            },
            new Dosage
            {
                Sequence = 2,
                Text = "Then 1 mg IM every 3 months",
                Timing = new Timing
                {
                    Repeat = new TimingRepeat
                    {
                        BoundsPeriod = new Period { Start = FhirDateTime.Parse("2024-03-29") },
                        Frequency = 1,
                        Period = 3m,
                        PeriodUnit = "mo",
                    },
                },
                Route = IntramuscularRoute,
                DoseAndRate = [new DosageDoseAndRate { DoseQuantity = Quantity.Ucum(1m, "mg") }],
            },
        ],
    };

    public static ServiceRequest ServiceRequest() => new()
    {
        Id = "b12-follow-up",
        Status = "draft",
        Intent = "proposal",
        Priority = "routine",
        Category = [new CodeableConcept { Coding = [new Coding { System = Snomed, Code = "108252007", Display = "Laboratory procedure" }] }],
        Code = SerumB12,
        Subject = Reference.To(PatientReference),
        OccurrenceDateTime = FhirDateTime.Parse("2024-06-14"),
        AuthoredOn = Now,
        ReasonReference = [Reference.To(ConditionReference)],
        PatientInstruction = "Blood test for vitamin B12 in about three months.",
    };

    public static RequestGroup RequestGroup() => new()
    {
        Id = "b12-apply-result",
        InstantiatesCanonical = ["https://b12cds.example/fhir/PlanDefinition/b12-deficiency"],
        Status = "draft",
        Intent = "proposal",
        Subject = Reference.To(PatientReference),
        AuthoredOn = Now,
        Action =
        [
            new RequestGroupAction
            {
                Title = "Start hydroxocobalamin",
                Description = "Loading dose then maintenance.",
                Documentation =
                [
                    new RelatedArtifact
                    {
                        Type = "documentation",
                        Display = "NICE NG239: Vitamin B12 deficiency in over 16s",
                        Url = "https://www.nice.org.uk/guidance/ng239",
                    },
                ],
                Resource = Reference.To(MedicationRequestUrn),
            },
            new RequestGroupAction
            {
                Title = "Recheck serum B12",
                // The model has no RequestGroup.action.id to point at (see RequestGroupActionTests): the id is written as-is.
                RelatedAction =
                [
                    new RequestGroupRelatedAction { ActionId = "start-hydroxocobalamin", Relationship = "after-end", OffsetDuration = Quantity.Ucum(8m, "wk") },
                ],
                Resource = Reference.To(ServiceRequestUrn),
            },
        ],
    };

    public static DetectedIssue DetectedIssue() => new()
    {
        Id = "folate-without-b12",
        Status = "preliminary",
        Code = new CodeableConcept { Text = "Folic acid without vitamin B12 in suspected B12 deficiency" },
        Severity = "high",
        Patient = Reference.To(PatientReference),
        IdentifiedDateTime = Now,
        Implicated = [Reference.To("MedicationStatement/folic-acid-5mg")],
        Evidence = [new DetectedIssueEvidence { Detail = [Reference.To("Observation/serum-b12-110")] }],
        Detail = "Folic acid can mask the anaemia of B12 deficiency while neurological damage progresses.",
        Mitigation =
        [
            new DetectedIssueMitigation { Action = new CodeableConcept { Text = "Start B12 replacement before or with folic acid" }, Date = Now },
        ],
    };

    /// <summary>The OperationOutcome of a real parse result with errors, a warning and a fatal problem (FHIR001, 003, 004, 005, 006).</summary>
    public static OperationOutcome OperationOutcome()
    {
        var parser = new FhirJsonParser();
        var bundle = parser.Parse("""
            {"resourceType": "Bundle", "type": "collection", "entry": [
              {"resource": {"resourceType": "Obsrvation"}},
              {"resource": {"resourceType": "Encounter", "status": "finished"}},
              {"resource": {"resourceType": "Observation", "effectiveDateTime": "yesterday"}},
              {"resource": {"id": "no-type"}}
            ]}
            """);
        var fatal = parser.Parse("{\"resourceType\": ");
        return (bundle with { Issues = [.. bundle.Issues, .. fatal.Issues] }).ToOperationOutcome();
    }

    public static Bundle Bundle() => new()
    {
        Id = "b12-suggestions",
        Type = "collection",
        Timestamp = Now,
        Entry =
        [
            new BundleEntry { FullUrl = CarePlanUrn, Resource = CarePlan() },
            new BundleEntry { FullUrl = MedicationRequestUrn, Resource = MedicationRequest() },
            new BundleEntry { FullUrl = ServiceRequestUrn, Resource = ServiceRequest() },
            new BundleEntry { FullUrl = RequestGroupUrn, Resource = RequestGroup() },
            new BundleEntry { FullUrl = DetectedIssueUrn, Resource = DetectedIssue() },
        ],
    };

    public static Parameters Parameters() => new()
    {
        Parameter =
        [
            new ParametersParameter { Name = "subject", ValueReference = Reference.To(PatientReference) },
            new ParametersParameter { Name = "evaluatedAt", ValueDateTime = Now },
            new ParametersParameter { Name = "return", Resource = RequestGroup() },
            new ParametersParameter
            {
                Name = "suggestion",
                Part =
                [
                    new ParametersParameter { Name = "label", ValueString = "Start B12 replacement" },
                    new ParametersParameter { Name = "dose", ValueQuantity = Quantity.Ucum(1m, "mg") },
                    new ParametersParameter { Name = "request", Resource = MedicationRequest() },
                ],
            },
        ],
    };
}
