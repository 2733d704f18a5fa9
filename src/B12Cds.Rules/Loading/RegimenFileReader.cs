using B12Cds.Facts.Terminology;
using B12Cds.Fhir.Model;
using B12Cds.Rules.Model;

namespace B12Cds.Rules.Loading;

/// <summary>
/// Reads <c>rules/regimens.yaml</c>: treatment regimens per profile, each a product and its phases (dose, route,
/// frequency, period, duration) and follow-up tests, as data a CarePlan is built from.
/// </summary>
internal static class RegimenFileReader
{
    private static readonly string[] FileKeys = ["version", "regimens"];
    private static readonly string[] RegimenKeys = ["id", "title", "profile", "product", "phases", "followUp", "citations", "description"];
    private static readonly string[] ProductKeys = ["system", "code", "display", "text"];
    private static readonly string[] PhaseKeys = ["name", "dose", "route", "frequency", "period", "duration", "count", "until", "text"];
    private static readonly string[] FollowUpKeys = ["analyte", "after", "reason"];
    private static readonly string[] Profiles = ["us", "uk"];

    public static (string? Version, List<Regimen> Regimens) Read(YamlReading yaml, TreeNode root, TerminologyCatalog terminology)
    {
        var keys = yaml.Keys(root, "the regimens file", FileKeys, "regimens");
        var version = yaml.Scalar(keys, "version", "the regimens file")?.Value;
        var regimens = new List<Regimen>();
        foreach (var item in yaml.Items(keys.GetValueOrDefault("regimens"), "regimens"))
        {
            if (ReadRegimen(yaml, item, terminology) is { } regimen)
            {
                regimens.Add(regimen);
            }
        }

        return (version, regimens);
    }

    private static Regimen? ReadRegimen(YamlReading yaml, TreeNode node, TerminologyCatalog terminology)
    {
        var keys = yaml.Keys(node, "a regimen", RegimenKeys, "id", "title", "profile", "product", "phases");
        var id = yaml.Scalar(keys, "id", "a regimen")?.Value;
        var what = id is null ? "a regimen" : $"regimen {id}";
        var title = yaml.Scalar(keys, "title", what)?.Value;
        var profile = yaml.OneOf(keys, "profile", what, Profiles);
        var product = ReadProduct(yaml, keys.GetValueOrDefault("product"), what);
        var phases = yaml.Items(keys.GetValueOrDefault("phases"), $"the phases of {what}").Select(p => ReadPhase(yaml, p, what, terminology)).ToList();
        var followUp = yaml.Items(keys.GetValueOrDefault("followUp"), $"the follow-up of {what}").Select(f => ReadFollowUp(yaml, f, what, terminology)).ToList();
        var citations = CitationReader.Read(yaml, keys.GetValueOrDefault("citations"), what);
        if (id is null || title is null || profile is null || product is null || phases.Count == 0 || phases.Any(p => p is null) || followUp.Any(f => f is null))
        {
            if (phases.Count == 0 && keys.ContainsKey("phases"))
            {
                yaml.Error(RuleDiagnosticIds.MissingKey, node.Location, $"{what} needs at least one phase.");
            }

            return null;
        }

        return new Regimen
        {
            Id = id,
            Title = title,
            Profile = profile,
            Product = product,
            Phases = phases!,
            FollowUp = followUp!,
            Citations = citations,
            Location = node.Location,
        };
    }

    private static CodeableConcept? ReadProduct(YamlReading yaml, TreeNode? node, string what)
    {
        var keys = yaml.Keys(node, $"the product of {what}", ProductKeys, "text");
        var text = yaml.Scalar(keys, "text", what)?.Value;
        var code = yaml.Scalar(keys, "code", what)?.Value;
        var system = yaml.Scalar(keys, "system", what)?.Value;
        if (text is null)
        {
            return null;
        }

        return new CodeableConcept
        {
            Coding = code is null ? [] : [new Coding { System = system, Code = code, Display = yaml.Scalar(keys, "display", what)?.Value }],
            Text = text,
        };
    }

    private static RegimenPhase? ReadPhase(YamlReading yaml, TreeNode node, string what, TerminologyCatalog terminology)
    {
        var keys = yaml.Keys(node, $"a phase of {what}", PhaseKeys, "name", "dose", "route", "period");
        var name = yaml.Scalar(keys, "name", what)?.Value;
        var dose = LiteralValues.Quantity(yaml.Scalar(keys, "dose", what), $"The dose of {what}", yaml);
        var routeScalar = yaml.Scalar(keys, "route", what);
        var period = LiteralValues.Duration(yaml.Scalar(keys, "period", what), $"The period of {what}", yaml);
        var duration = LiteralValues.Duration(yaml.Scalar(keys, "duration", what), $"The duration of {what}", yaml);
        var frequency = LiteralValues.Integer(yaml.Scalar(keys, "frequency", what), $"The frequency of {what}", yaml);
        var count = LiteralValues.Integer(yaml.Scalar(keys, "count", what), $"The count of {what}", yaml);
        if (routeScalar is not null && !terminology.ValueSets.ContainsKey(routeScalar.Value))
        {
            yaml.Error(RuleDiagnosticIds.UnknownValueSet, routeScalar.Location, $"Unknown route '{routeScalar.Value}': use a route value set id (route-intramuscular, route-oral, route-subcutaneous…).");
            return null;
        }

        if (name is null || dose is null || routeScalar is null || period is null)
        {
            return null;
        }

        return new RegimenPhase
        {
            Name = name,
            Dose = dose.Value,
            Route = routeScalar.Value,
            Frequency = frequency ?? 1,
            Period = period.Value.Value,
            PeriodUnit = period.Value.Unit,
            Duration = duration,
            Count = count,
            Until = yaml.Scalar(keys, "until", what)?.Value,
            Text = yaml.Scalar(keys, "text", what)?.Value,
        };
    }

    private static RegimenFollowUp? ReadFollowUp(YamlReading yaml, TreeNode node, string what, TerminologyCatalog terminology)
    {
        var keys = yaml.Keys(node, $"a follow-up test of {what}", FollowUpKeys, "analyte", "after");
        var analyte = yaml.Scalar(keys, "analyte", what);
        var after = LiteralValues.Duration(yaml.Scalar(keys, "after", what), $"'after' of a follow-up of {what}", yaml);
        if (analyte is not null && !terminology.Analytes.ContainsKey(analyte.Value))
        {
            yaml.Error(RuleDiagnosticIds.UnknownValueSet, analyte.Location, $"Unknown analyte '{analyte.Value}' (analytes are in rules/valuesets/labs.yaml).");
            return null;
        }

        return analyte is null || after is null ? null : new RegimenFollowUp(analyte.Value, after.Value, yaml.Scalar(keys, "reason", what)?.Value);
    }
}
