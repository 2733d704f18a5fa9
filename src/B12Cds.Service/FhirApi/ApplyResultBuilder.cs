using B12Cds.Cards;
using B12Cds.Cards.CdsHooks;
using B12Cds.Fhir.Diagnostics;
using B12Cds.Fhir.Model;
using B12Cds.Service.Evaluation;

namespace B12Cds.Service.FhirApi;

/// <summary>
/// Turns an evaluation into the <c>$apply</c> result. R4 defines one output, <c>return</c>: a CarePlan, so by default
/// the body is that CarePlan (status draft, intent proposal), holding as <c>contained</c> resources the
/// MedicationRequest and ServiceRequests it proposes (each referenced from an <c>activity</c>), a DetectedIssue per
/// card (referenced from <c>supportingInfo</c>) and the Provenance (whose <c>target</c> <c>#</c> is the CarePlan).
/// With <c>returnType=Bundle</c> (the shape R5 and the CPG IG return) the body is a <c>collection</c> Bundle: the
/// CarePlan with its requests contained, then the DetectedIssues, the Provenance and, when the input raised any, an
/// OperationOutcome of warnings.
/// </summary>
internal sealed class ApplyResultBuilder
{
    private const string ProvenanceParticipantType = "http://terminology.hl7.org/CodeSystem/provenance-participant-type";
    private const string ActReason = "http://terminology.hl7.org/CodeSystem/v3-ActReason";
    private const string DataOperation = "http://terminology.hl7.org/CodeSystem/v3-DataOperation";

    private readonly ApplyResultInput _input;
    private readonly Reference _subject;
    private readonly Reference _device;
    private readonly string _version;

    private ApplyResultBuilder(ApplyResultInput input)
    {
        _input = input;
        _subject = Reference.To($"Patient/{input.PatientId}");
        _version = input.Evaluation.RuleSet.Version;
        _device = new Reference
        {
            Type = "Device",
            Identifier = new Identifier { System = FhirApiUris.DeviceSystem, Value = "b12cds" },
            Display = $"B12 CDS {CapabilityStatementFactory.SoftwareVersion} (rule set {_version})",
        };
    }

    /// <summary>Builds the result: the CarePlan, or a Bundle when asked.</summary>
    public static Resource Build(ApplyResultInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var builder = new ApplyResultBuilder(input);
        return input.ReturnBundle ? builder.BuildBundle() : builder.BuildCarePlan();
    }

    private CarePlan BuildCarePlan()
    {
        var plan = PlanWithOrders();
        var issues = _input.Evaluation.Report.Cards.Select((card, i) => DetectedIssue(card, $"di-{i + 1}")).ToList();
        var provenance = Provenance(
            "provenance",
            [Reference.To("#"), .. plan.Contained.Concat(issues).Select(r => Reference.To($"#{r.Id}"))]);
        return plan with
        {
            Contained = [.. plan.Contained, .. issues, provenance],
            SupportingInfo = [.. plan.SupportingInfo, .. issues.Select(d => Reference.To($"#{d.Id}", d.Code?.Text))],
        };
    }

    private Bundle BuildBundle()
    {
        var plan = PlanWithOrders();
        var planUrl = $"urn:uuid:{plan.Id}";
        var issues = _input.Evaluation.Report.Cards
            .Select((card, i) => DetectedIssue(card, NameBasedUuid.FromParts(["detectedissue", plan.Id, card.Uuid, i.ToString(System.Globalization.CultureInfo.InvariantCulture)]).ToString()))
            .ToList();
        plan = plan with { SupportingInfo = [.. plan.SupportingInfo, .. issues.Select(d => Reference.To($"urn:uuid:{d.Id}", d.Code?.Text))] };
        var provenance = Provenance(
            NameBasedUuid.FromParts(["provenance", plan.Id, _input.Now.ToString("O", System.Globalization.CultureInfo.InvariantCulture)]).ToString(),
            [Reference.To(planUrl), .. issues.Select(d => Reference.To($"urn:uuid:{d.Id}"))]);

        var entries = new List<BundleEntry> { new() { FullUrl = planUrl, Resource = plan } };
        entries.AddRange(issues.Select(d => new BundleEntry { FullUrl = $"urn:uuid:{d.Id}", Resource = d }));
        entries.Add(new BundleEntry { FullUrl = $"urn:uuid:{provenance.Id}", Resource = provenance });
        if (_input.Warnings.Count > 0)
        {
            var outcome = OperationOutcomeBuilder.Build(_input.Warnings) with
            {
                Id = NameBasedUuid.FromParts(["outcome", provenance.Id]).ToString(),
            };
            entries.Add(new BundleEntry { FullUrl = $"urn:uuid:{outcome.Id}", Resource = outcome });
        }

        return new Bundle
        {
            Id = NameBasedUuid.FromParts(["apply", provenance.Id]).ToString(),
            Type = "collection",
            Timestamp = FhirDateTime.FromInstant(_input.Now),
            Entry = entries,
        };
    }

    /// <summary>The rules' CarePlan (or an empty proposal when no rule put a regimen on it) with the cards' recommended orders added.</summary>
    private CarePlan PlanWithOrders()
    {
        var report = _input.Evaluation.Report;
        var plan = report.CarePlan ?? EmptyPlan();
        var orders = CardOrders(report.Cards, plan.Contained.OfType<ServiceRequest>());
        return plan with
        {
            Contained = [.. plan.Contained, .. orders.Select(o => o.Request)],
            InstantiatesCanonical = [FhirApiUris.PlanDefinitionCanonical(_version), .. plan.InstantiatesCanonical],
            Encounter = _input.Encounter is { } encounter ? Reference.To(encounter) : plan.Encounter,
            Author = _device,
            Activity = [.. plan.Activity, .. orders.Select(o => new CarePlanActivity { Reference = Reference.To($"#{o.Request.Id}", o.Label) })],
        };
    }

    private CarePlan EmptyPlan()
    {
        var report = _input.Evaluation.Report;
        var cards = report.Cards.Count;
        return new CarePlan
        {
            Id = NameBasedUuid.FromParts(["careplan", _version, "no-regimen", _input.PatientId, .. report.Cards.Select(c => c.Uuid)]).ToString(),
            Status = "draft",
            Intent = "proposal",
            Category = [new CodeableConcept { Text = "Vitamin B12 deficiency assessment" }],
            Title = "Vitamin B12: no treatment regimen proposed",
            Description = cards == 0
                ? "The B12 CDS rules found nothing to act on in the data given."
                : $"No rule proposed a treatment regimen. {cards} finding{(cards == 1 ? " is" : "s are")} attached as DetectedIssue{(cards == 1 ? string.Empty : "s")}.",
            Subject = _subject,
            Created = FhirDateTime.FromInstant(report.Context.Now),
            Note = [new Annotation { Text = $"Made by B12 CDS rule set {_version}. Review before acting." }],
        };
    }

    /// <summary>
    /// Each card's recommended ServiceRequest (a lab order or referral), or its only suggestion when it is one: the
    /// further steps the findings call for, once each, and not again when the regimen's follow-up already orders it. Medication suggestions are not added: the CarePlan holds the
    /// one regimen the rules chose, and the alternatives stay on the cards.
    /// </summary>
    private static List<(ServiceRequest Request, string Label)> CardOrders(IReadOnlyList<Card> cards, IEnumerable<ServiceRequest> planned)
    {
        var orders = new List<(ServiceRequest, string)>();
        var seen = planned.Select(OrderKey).ToHashSet(StringComparer.Ordinal);
        foreach (var card in cards)
        {
            var suggestion = card.Suggestions.FirstOrDefault(s => s.IsRecommended == true) ?? (card.Suggestions.Count == 1 ? card.Suggestions[0] : null);
            var request = suggestion?.Actions.Select(a => a.Resource).OfType<ServiceRequest>().FirstOrDefault();
            if (request is null || !seen.Add(OrderKey(request)))
            {
                continue;
            }

            orders.Add((request with { Id = $"order-{orders.Count + 1}" }, suggestion!.Label));
        }

        return orders;
    }

    /// <summary>What an order is for: its codes, else its text.</summary>
    private static string OrderKey(ServiceRequest request) =>
        request.Code is { Coding.Count: > 0 } code
            ? string.Join('|', code.Coding.Select(c => $"{c.System}#{c.Code}"))
            : $"text:{request.Code?.Text}";

    /// <summary>A card as a DetectedIssue: severity from the indicator, the card's area as code, its summary as detail, its facts' sources as evidence.</summary>
    private DetectedIssue DetectedIssue(Card card, string id)
    {
        var ruleId = card.Extension is { Rules.Count: > 0 } extension ? extension.Rules[0].Id : null;
        var rule = ruleId is not null && _input.Evaluation.RuleSet.ById.TryGetValue(ruleId, out var r) ? r : null;
        var evidence = Evidence(card).Select(reference => Reference.To(reference)).ToList();

        return new DetectedIssue
        {
            Id = id,
            Identifier = card.Uuid is null ? [] : [new Identifier { System = FhirApiUris.CardSystem, Value = card.Uuid }],
            Status = "final",
            Code = new CodeableConcept
            {
                Coding = card.Source.Topic is { } topic ? [topic] : [],
                Text = rule is null ? card.Summary : $"{rule.Id}: {rule.Title}",
            },
            Severity = Severity(card.Indicator),
            Patient = _subject,
            IdentifiedDateTime = FhirDateTime.FromInstant(_input.AsOf),
            Author = _device,
            Evidence = evidence.Count == 0 ? [] : [new DetectedIssueEvidence { Detail = evidence }],
            Detail = card.Summary,
            Reference = rule?.Citations.Select(c => c.Url).FirstOrDefault(u => !string.IsNullOrWhiteSpace(u)),
        };
    }

    /// <summary>
    /// The FHIR resources behind the facts of the card's firing, derived facts followed back to theirs (the firing is
    /// found by the sequence its explanation records); failing that, the references its explanation names.
    /// </summary>
    private IEnumerable<string> Evidence(Card card)
    {
        var explanation = card.Extension?.Explanation ?? [];
        var sequence = explanation.FirstOrDefault(e => e.Role == CardExplanation.CardRole)?.Sequence;
        var firing = _input.Evaluation.Result.Firings.FirstOrDefault(f => f.Sequence == sequence);
        var references = firing is not null
            ? firing.Sources().Select(s => s.Reference)
            : explanation.Where(e => e.Role != CardExplanation.SuppressedRole).SelectMany(e => e.Facts).Select(f => f.Reference);
        return references
            .OfType<string>()
            .Where(reference => !reference.StartsWith("rule:", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal);
    }

    /// <summary>Critical → high, warning → moderate, info (and anything else) → low.</summary>
    internal static string Severity(string indicator) => indicator switch
    {
        Indicators.Critical => "high",
        Indicators.Warning => "moderate",
        _ => "low",
    };

    private Provenance Provenance(string id, IReadOnlyList<Reference> targets)
    {
        var agents = new List<ProvenanceAgent>
        {
            new()
            {
                Type = new CodeableConcept { Coding = [new Coding { System = ProvenanceParticipantType, Code = "assembler", Display = "Assembler" }] },
                Who = _device,
            },
        };
        if (_input.Practitioner is { } practitioner)
        {
            agents.Add(new ProvenanceAgent
            {
                Type = new CodeableConcept { Coding = [new Coding { System = ProvenanceParticipantType, Code = "enterer", Display = "Enterer" }] },
                Who = Reference.To(practitioner),
            });
        }

        return new Provenance
        {
            Id = id,
            Target = targets,
            Recorded = FhirDateTime.FromInstant(_input.Now),
            Policy = [FhirApiUris.PlanDefinitionCanonical(_version)],
            Reason = [new CodeableConcept { Coding = [new Coding { System = ActReason, Code = "TREAT", Display = "treatment" }] }],
            Activity = new CodeableConcept { Coding = [new Coding { System = DataOperation, Code = "CREATE", Display = "create" }] },
            Agent = agents,
            Entity =
            [
                new ProvenanceEntity
                {
                    Role = "derivation",
                    What = new Reference
                    {
                        ReferenceValue = $"PlanDefinition/{FhirApiUris.PlanDefinitionId}",
                        Type = "PlanDefinition",
                        Display = $"B12 CDS rules {FhirApiUris.PlanDefinitionCanonical(_version)}",
                    },
                },
                .. _input.Sources.Select(s => new ProvenanceEntity { Role = "source", What = s }),
            ],
        };
    }
}

/// <summary>What <see cref="ApplyResultBuilder"/> needs: the evaluation, whom it is for, when, the input's references and the caller's choices.</summary>
internal sealed record ApplyResultInput
{
    public required PatientEvaluation Evaluation { get; init; }

    public required string PatientId { get; init; }

    /// <summary>Gets the evaluation time (<c>asOf</c>).</summary>
    public required DateTimeOffset AsOf { get; init; }

    /// <summary>Gets the time of the call (Provenance <c>recorded</c>).</summary>
    public required DateTimeOffset Now { get; init; }

    /// <summary>Gets the subject's input resources (Provenance <c>source</c> entities).</summary>
    public required IReadOnlyList<Reference> Sources { get; init; }

    public bool ReturnBundle { get; init; }

    public string? Encounter { get; init; }

    public string? Practitioner { get; init; }

    /// <summary>Gets the warnings about the input (Bundle result only).</summary>
    public IReadOnlyList<FhirIssue> Warnings { get; init; } = [];
}
