using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
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
    /// <summary>What every response of a rule set shares, kept while the rule set lives (a reload builds anew).</summary>
    private static readonly ConditionalWeakTable<RuleSet, RuleSetParts> Shared = new();

    private readonly RuleSet _ruleSet;
    private readonly RuleSetParts _parts;
    private readonly RequestBuilder _requests;

    /// <summary>Initializes a new instance of the <see cref="CardFactory"/> class.</summary>
    /// <param name="ruleSet">The rule set the evaluation ran: its regimens, analytes and rules are looked up here.</param>
    public CardFactory(RuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        _ruleSet = ruleSet;
        _parts = Shared.GetValue(ruleSet, static r => new RuleSetParts(r));
        _requests = _parts.Requests;
    }

    /// <summary>Builds the response for one evaluation.</summary>
    public CdsResponse Create(EvaluationResult result, CardOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        options ??= CardOptions.Default;
        var explainer = new FactExplainer(result, _ruleSet.ById);
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
            .Select(k => CreateCard(k.Conclusion, k.Suppressed, OrdinalInFiring(result, k.Index), result, options, explainer))
            .ToList();
        return new CdsResponse { Cards = cards };
    }

    private static int OrdinalInFiring(EvaluationResult result, int index) =>
        result.Cards.Take(index).Count(c => ReferenceEquals(c.Firing, result.Cards[index].Firing));

    private Card CreateCard(CardConclusion conclusion, List<CardConclusion> suppressed, int ordinal, EvaluationResult result, CardOptions options, FactExplainer explainer)
    {
        var firing = conclusion.Firing;
        var version = result.RuleSetVersion;
        var sources = firing.Sources();
        var uuidParts = new string?[sources.Count + 6];
        uuidParts[0] = "card";
        uuidParts[1] = version;
        uuidParts[2] = firing.Rule.Id;
        for (var i = 0; i < sources.Count; i++)
        {
            uuidParts[3 + i] = sources[i].Path;
        }

        uuidParts[^3] = options.PatientId;
        uuidParts[^2] = options.HookInstance;
        uuidParts[^1] = ordinal == 0 ? null : ordinal.ToString(CultureInfo.InvariantCulture);
        var uuid = NameBasedUuid.FromParts(uuidParts).ToString();

        var detail = conclusion.Detail;
        if (SummaryText.TryShorten(conclusion.Summary, out var summary))
        {
            detail = detail is null ? conclusion.Summary.Trim() : $"{conclusion.Summary.Trim()}\n\n{detail}";
        }

        var profile = options.Profile ?? result.Context.Profile;
        var basis = new RequestBasis
        {
            Subject = RequestBasis.SubjectFor(options.PatientId),
            InstantiatesCanonical = _parts.Canonical(firing.Rule.Id, version),
            Evidence = sources,
        };

        var suggestions = new List<Suggestion>(conclusion.Suggestions.Count);
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
                Uuid = NameBasedUuid.FromParts("suggestion", uuid, suggestions.Count.ToString(CultureInfo.InvariantCulture), template.Label).ToString(),
                IsRecommended = recommended ? true : null,
                Actions = [action],
            });
        }

        var basisExplanations = explainer.Basis(firing);
        var explanation = new List<CardExplanation>(1 + basisExplanations.Count + suppressed.Count)
        {
            explainer.ExplainOnce(firing, CardExplanation.CardRole) with { NotOffered = notOffered },
        };
        explanation.AddRange(basisExplanations);
        foreach (var s in suppressed)
        {
            explanation.Add(explainer.ExplainOnce(s.Firing, CardExplanation.SuppressedRole) with
            {
                Indicator = s.Indicator,
                Summary = s.Summary,
                Group = s.Group,
            });
        }

        // The card's rule, then the rules behind its basis, each once.
        var rules = new List<RuleReference>(1 + basisExplanations.Count) { _parts.Reference(firing.Rule.Id, version) };
        foreach (var b in basisExplanations)
        {
            if (!rules.Exists(r => string.Equals(r.Id, b.Rule, StringComparison.Ordinal)))
            {
                rules.Add(_parts.Reference(b.Rule, version));
            }
        }

        return new Card
        {
            Uuid = uuid,
            Summary = summary,
            Detail = detail,
            Indicator = conclusion.Indicator,
            Source = new CardSource
            {
                Label = options.SourceLabel,
                Url = options.ServiceBaseUrl,
                Icon = options.IconUrl,
                Topic = _parts.Topic(conclusion.Area),
            },
            Suggestions = suggestions,
            SelectionBehavior = suggestions.Count > 0 ? "at-most-one" : null,
            OverrideReasons = OverrideReasons.All,
            Links = Links(conclusion.Links),
            Extension = new CardExtension
            {
                Rules = rules,
                RuleSetVersion = version,
                Explanation = explanation,
            },
        };
    }

    private static CdsLink[] Links(IReadOnlyList<CardLink> links)
    {
        if (links.Count == 0)
        {
            return [];
        }

        var cdsLinks = new CdsLink[links.Count];
        for (var i = 0; i < cdsLinks.Length; i++)
        {
            cdsLinks[i] = new CdsLink(links[i].Label, links[i].Url, links[i].Type);
        }

        return cdsLinks;
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

            return new CdsAction
            {
                Type = CdsAction.Create,
                Description = _parts.ProposeText(regimen),
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
                Description = _parts.OrderText(analyteId),
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

    /// <summary>
    /// The parts of a card that depend only on the rule set (and the rule-set version): topic codings, rule canonicals
    /// and references, action descriptions, and the request builder with its per-regimen parts. Immutable once made,
    /// so every response shares them; safe for concurrent calls.
    /// </summary>
    private sealed class RuleSetParts(RuleSet ruleSet)
    {
        private readonly ConcurrentDictionary<string, Coding> _topics = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<(string Rule, string Version), IReadOnlyList<string>> _canonicals = new();
        private readonly ConcurrentDictionary<(string Rule, string Version), RuleReference> _references = new();
        private readonly ConcurrentDictionary<string, string> _proposeTexts = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, string> _orderTexts = new(StringComparer.Ordinal);

        public RequestBuilder Requests { get; } = new(ruleSet.Terminology);

        /// <summary>Gets the <c>source.topic</c> of an area.</summary>
        public Coding Topic(string area) =>
            _topics.GetOrAdd(area, static a => new Coding { System = B12CdsUris.Area, Code = a, Display = AreaDisplay(a) });

        /// <summary>Gets the <c>instantiatesCanonical</c> of a rule's requests: its canonical URL at the version.</summary>
        public IReadOnlyList<string> Canonical(string ruleId, string version) =>
            _canonicals.GetOrAdd((ruleId, version), static k => [B12CdsUris.Rule(k.Rule, k.Version)]);

        /// <summary>Gets the reference to a rule at the version.</summary>
        public RuleReference Reference(string ruleId, string version) =>
            _references.GetOrAdd((ruleId, version), static k => new RuleReference(k.Rule, k.Version));

        /// <summary>Gets the description of a regimen's action: <c>Propose &lt;product&gt;: &lt;phase&gt;; then &lt;phase&gt;</c>.</summary>
        public string ProposeText(Regimen regimen) =>
            _proposeTexts.GetOrAdd(regimen.Id, static (_, r) => $"Propose {r.Product.Label()}: {string.Join("; then ", r.Phases.Select(p => p.Text ?? p.Name))}", regimen);

        /// <summary>Gets the description of a lab order's action: <c>Order &lt;analyte title&gt;</c>.</summary>
        public string OrderText(string analyteId) =>
            _orderTexts.GetOrAdd(analyteId, static (a, requests) => $"Order {requests.AnalyteTitle(a)}", Requests);
    }

    /// <summary>Gets an area's display: <c>neurologic-urgency</c> → "Neurologic urgency".</summary>
    internal static string AreaDisplay(string area) =>
        area.Length == 0 ? area : char.ToUpperInvariant(area[0]) + area[1..].Replace('-', ' ');
}
