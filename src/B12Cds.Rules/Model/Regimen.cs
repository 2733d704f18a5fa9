using B12Cds.Facts.Terminology;
using B12Cds.Fhir.Model;

namespace B12Cds.Rules.Model;

/// <summary>A treatment regimen from the regimen table (<c>rules/regimens.yaml</c>): a product and its phases, for one profile (us or uk).</summary>
public sealed record Regimen
{
    /// <summary>Gets the id rules use, e.g. <c>uk-im-neuro</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the title for people.</summary>
    public required string Title { get; init; }

    /// <summary>Gets the profile it belongs to: us or uk.</summary>
    public required string Profile { get; init; }

    /// <summary>Gets the product, coded (RxNorm, dm+d…).</summary>
    public required CodeableConcept Product { get; init; }

    /// <summary>Gets the phases in order.</summary>
    public required IReadOnlyList<RegimenPhase> Phases { get; init; }

    /// <summary>Gets the follow-up tests: analyte id and when, after the start.</summary>
    public IReadOnlyList<RegimenFollowUp> FollowUp { get; init => field = value ?? []; } = [];

    /// <summary>Gets the sources.</summary>
    public IReadOnlyList<Citation> Citations { get; init => field = value ?? []; } = [];

    /// <summary>Gets where it is defined.</summary>
    public required SourceLocation Location { get; init; }
}
