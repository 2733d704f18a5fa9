using B12Cds.Cards.CarePlans;
using B12Cds.Fhir.Model;
using B12Cds.Rules.Engine;
using B12Cds.Rules.Model;

namespace B12Cds.Cards.CdsHooks;

/// <summary>
/// Turns an evaluation's card conclusions into a CDS Hooks 2.0 response: one card per conclusion, except that of the
/// cards sharing a <c>group</c> only the most urgent is shown (critical &gt; warning &gt; info; then the higher rule
/// priority; then the first fired), the others named in its explanation. Suggestions become ready-to-sign FHIR
/// requests. Cards are ordered critical, warning, info, and by firing within each. Pure: the same evaluation and
/// options always give the same JSON, uuids included.
/// </summary>
public sealed class CardFactory
{
    private readonly RuleSet _ruleSet;
    private readonly RequestBuilder _requests;

    /// <summary>Initializes a new instance of the <see cref="CardFactory"/> class.</summary>
    /// <param name="ruleSet">The rule set the evaluation ran: its regimens, analytes and rules are looked up here.</param>
    public CardFactory(RuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        _ruleSet = ruleSet;
        _requests = new RequestBuilder(ruleSet.Terminology);
    }

    /// <summary>Builds the response for one evaluation.</summary>
    public CdsResponse Create(EvaluationResult result, CardOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        options ??= CardOptions.Default;
        var conclusions = result.Cards.Select((c, i) => (Conclusion: c, Index: i)).ToList();
        var kept = new List<(CardConclusion Conclusion, int Index, List<CardConclusion> Suppressed)>();
        foreach (var group in conclusions.GroupBy(c => c.Conclusion.Group ?? $"\0{c.Index}", StringComparer.Ordinal))
        {
            var ranked = group
                .OrderByDescending(c => Indicators.Rank(c.Conclusion.Indicator))
                .ThenByDescending(c => c.Conclusion.Firing.Rule.Priority)
                .ThenBy(c => c.Conclusion.Firing.Sequence)
                .ThenBy(c => c.Index)
                .ToList();
            kept.Add((ranked[0].Conclusion, ranked[0].Index, ranked.Skip(1).Select(c => c.Conclusion).ToList()));
        }

        var cards = kept
            .OrderByDescending(k => Indicators.Rank(k.Conclusion.Indicator))
            .ThenBy(k => k.Conclusion.Firing.Sequence)
            .ThenBy(k => k.Index)
            .Select(k => CreateCard(k.Conclusion, k.Suppressed, OrdinalInFiring(result, k.Index), result, options))
            .ToList();
        return new CdsResponse { Cards = cards };
    }

    private static int OrdinalInFiring(EvaluationResult result, int index) =>
        result.Cards.Take(index).Count(c => ReferenceEquals(c.Firing, result.Cards[index].Firing));

    private Card CreateCard(CardConclusion conclusion, List<CardConclusion> suppressed, int ordinal, EvaluationResult result, CardOptions options)
    {
        var firing = conclusion.Firing;
        var version = result.RuleSetVersion;
        var sources = firing.Sources();
        var uuid = NameBasedUuid.FromParts(
            ["card", version, firing.Rule.Id, .. sources.Select(s => s.Path), options.PatientId, options.HookInstance, ordinal == 0 ? null : ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture)]);

        var detail = conclusion.Detail;
        if (SummaryText.TryShorten(conclusion.Summary, out var summary))
        {
            detail = detail is null ? conclusion.Summary.Trim() : $"{conclusion.Summary.Trim()}\n\n{detail}";
        }

        var profile = options.Profile ?? result.Context.Profile;
        var basis = new RequestBasis
        {
            Subject = RequestBasis.SubjectFor(options.PatientId),
            InstantiatesCanonical = [B12CdsUris.Rule(firing.Rule.Id, version)],
            Evidence = sources,
        };

        var suggestions = new List<Suggestion>();
        var notOffered = new List<string>();
        var recommendedGiven = false;
        foreach (var template in conclusion.Suggestions)
        {
            if (template.Regimen is { } regimenId && _ruleSet.Regimens.TryGetValue(regimenId, out var regimen) && regimen.Profile != profile)
            {
                notOffered.Add($"{template.Label}: regimen {regimenId} is for the {regimen.Profile} profile, not {profile}.");
                continue;
            }

            var action = ActionFor(template, basis, out var problem);
            if (action is null)
            {
                notOffered.Add($"{template.Label}: {problem}");
                continue;
            }

            var recommended = template.IsRecommended && !recommendedGiven;
            recommendedGiven |= recommended;
            suggestions.Add(new Suggestion
            {
                Label = template.Label,
                Uuid = NameBasedUuid.FromParts(["suggestion", uuid.ToString(), suggestions.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), template.Label]).ToString(),
                IsRecommended = recommended ? true : null,
                Actions = [action],
            });
        }

        var explanation = new List<CardExplanation> { FactExplainer.Explain(firing, CardExplanation.CardRole) with { NotOffered = notOffered } };
        var basisExplanations = FactExplainer.Basis(firing, result, _ruleSet.ById);
        explanation.AddRange(basisExplanations);
        explanation.AddRange(suppressed.Select(s => FactExplainer.Explain(s.Firing, CardExplanation.SuppressedRole) with
        {
            Indicator = s.Indicator,
            Summary = s.Summary,
            Group = s.Group,
        }));

        return new Card
        {
            Uuid = uuid.ToString(),
            Summary = summary,
            Detail = detail,
            Indicator = conclusion.Indicator,
            Source = new CardSource
            {
                Label = options.SourceLabel,
                Url = options.ServiceBaseUrl,
                Icon = options.IconUrl,
                Topic = new Coding { System = B12CdsUris.Area, Code = conclusion.Area, Display = AreaDisplay(conclusion.Area) },
            },
            Suggestions = suggestions,
            SelectionBehavior = suggestions.Count > 0 ? "at-most-one" : null,
            OverrideReasons = OverrideReasons.All,
            Links = [.. conclusion.Links.Select(l => new CdsLink(l.Label, l.Url, l.Type))],
            Extension = new CardExtension
            {
                Rules = [.. new[] { firing.Rule.Id }.Concat(basisExplanations.Select(b => b.Rule)).Distinct(StringComparer.Ordinal).Select(id => new RuleReference(id, version))],
                RuleSetVersion = version,
                Explanation = explanation,
            },
        };
    }

    private CdsAction? ActionFor(SuggestionTemplate template, RequestBasis basis, out string? problem)
    {
        problem = null;
        if (template.Regimen is { } regimenId)
        {
            if (!_ruleSet.Regimens.TryGetValue(regimenId, out var regimen))
            {
                problem = $"regimen {regimenId} is not in the regimen table.";
                return null;
            }

            var phases = string.Join("; then ", regimen.Phases.Select(p => p.Text ?? p.Name));
            return new CdsAction
            {
                Type = CdsAction.Create,
                Description = $"Propose {regimen.Product.Label()}: {phases}",
                Resource = _requests.Medication(regimen, basis),
            };
        }

        if (template.Order is { } analyteId)
        {
            if (!_ruleSet.Terminology.Analytes.ContainsKey(analyteId))
            {
                problem = $"analyte {analyteId} is not in the lab value sets.";
                return null;
            }

            return new CdsAction
            {
                Type = CdsAction.Create,
                Description = $"Order {_requests.AnalyteTitle(analyteId)}",
                Resource = _requests.LabOrder(analyteId, basis),
            };
        }

        if (template.Referral is { } specialty && !string.IsNullOrWhiteSpace(specialty))
        {
            return new CdsAction
            {
                Type = CdsAction.Create,
                Description = $"Refer to {specialty}",
                Resource = RequestBuilder.Referral(specialty, basis),
            };
        }

        problem = "it proposes no regimen, order or referral.";
        return null;
    }

    /// <summary>Gets an area's display: <c>neurologic-urgency</c> → "Neurologic urgency".</summary>
    internal static string AreaDisplay(string area) =>
        area.Length == 0 ? area : char.ToUpperInvariant(area[0]) + area[1..].Replace('-', ' ');
}
