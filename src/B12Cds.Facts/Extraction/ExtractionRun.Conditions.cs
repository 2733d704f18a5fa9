using B12Cds.Facts.Model;
using B12Cds.Fhir.Model;

namespace B12Cds.Facts.Extraction;

/// <summary>Conditions, procedures and allergies.</summary>
internal sealed partial class ExtractionRun
{
    private void ReadCondition(InputEntry entry, Condition condition)
    {
        var verification = StatusCode(condition.VerificationStatus);
        if (verification is "refuted" or "entered-in-error")
        {
            Skip(entry, verification, "verificationStatus");
            return;
        }

        // A Condition may be a diagnosis or finding, or a status after surgery (Z90.3 acquired absence of stomach).
        var concepts = _terminology.Match(condition.Code, Domains.Finding, Domains.Procedure);
        if (concepts.Count == 0)
        {
            NotRelevant(entry, condition.Code);
            return;
        }

        var abatement = condition.AbatementDateTime ?? condition.AbatementPeriod?.End ?? condition.AbatementPeriod?.Start;
        var clinical = StatusCode(condition.ClinicalStatus);
        var status = clinical switch
        {
            "inactive" or "remission" or "resolved" => FactStatus.Inactive,
            null when abatement is not null || condition.AbatementString is not null => FactStatus.Inactive,
            _ => FactStatus.Active,
        };

        _facts.Add(new Finding
        {
            Source = SourceOf(entry),
            Concepts = concepts,
            Label = condition.Code?.Label(),
            Status = status,
            Verification = verification,
            Code = FirstCodeMatch(concepts),
            Onset = condition.OnsetDateTime ?? condition.OnsetPeriod?.Start,
            Abatement = abatement,
            Recorded = condition.RecordedDate,
        });
    }

    private void ReadProcedure(InputEntry entry, Procedure procedure)
    {
        if (procedure.Status is "entered-in-error" or "not-done" or "preparation")
        {
            Skip(entry, procedure.Status, "status");
            return;
        }

        var concepts = _terminology.Match(procedure.Code, Domains.Procedure);
        if (concepts.Count == 0)
        {
            NotRelevant(entry, procedure.Code);
            return;
        }

        _facts.Add(new ProcedureFact
        {
            Source = SourceOf(entry),
            Concepts = concepts,
            Label = procedure.Code?.Label(),
            Performed = procedure.PerformedDateTime ?? procedure.PerformedPeriod?.Start ?? procedure.PerformedPeriod?.End,
            FhirStatus = procedure.Status,
        });
    }

    private void ReadAllergy(InputEntry entry, AllergyIntolerance allergy)
    {
        var verification = StatusCode(allergy.VerificationStatus);
        if (verification is "refuted" or "entered-in-error")
        {
            Skip(entry, verification, "verificationStatus");
            return;
        }

        var concepts = MatchAll(Domains.Allergy, allergy.Code, allergy.Reaction, static r => r.Substance);
        if (concepts.Count == 0)
        {
            NotRelevant(entry, allergy.Code);
            return;
        }

        _facts.Add(new AllergyFact
        {
            Source = SourceOf(entry),
            Concepts = concepts,
            Label = allergy.Code?.Label(),
            Status = StatusCode(allergy.ClinicalStatus) is "inactive" or "resolved" ? FactStatus.Inactive : FactStatus.Active,
            Criticality = allergy.Criticality,
            Verification = verification,
            Type = allergy.Type,
        });
    }
}
