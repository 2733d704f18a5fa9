using B12Cds.Cards.CdsHooks;
using B12Cds.Facts.Extraction;
using B12Cds.Fhir.Json;
using B12Cds.Rules.Engine;
using B12Cds.Rules.Model;

namespace B12Cds.Benchmarks;

/// <summary>
/// The input of the card benchmarks: every sample bundle in <c>fhir-samples/</c>, in both profiles, evaluated with the
/// real rules at <see cref="PatientGenerator.At"/>, with the card options a hook call gives (patient, hook instance,
/// the service's URL). Building the cards and writing the response are measured from here.
/// </summary>
internal sealed class CardInputs
{
    private CardInputs(RuleSet ruleSet, IReadOnlyList<(string Name, EvaluationResult Result, CardOptions Options)> evaluations)
    {
        RuleSet = ruleSet;
        Evaluations = evaluations;
    }

    /// <summary>Gets the real rule set.</summary>
    public RuleSet RuleSet { get; }

    /// <summary>Gets the evaluations: sample.profile, the engine's result and the hook's card options.</summary>
    public IReadOnlyList<(string Name, EvaluationResult Result, CardOptions Options)> Evaluations { get; }

    /// <summary>Loads the real rules and evaluates every sample in both profiles.</summary>
    public static CardInputs Load()
    {
        var ruleSet = RuleSets.Load(RepoFiles.Rules);
        var parser = new FhirJsonParser();
        var extractor = new FactExtractor(ruleSet.Terminology);
        var evaluations = new List<(string, EvaluationResult, CardOptions)>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoFiles.Root, "fhir-samples"), "*.json").Order(StringComparer.Ordinal))
        {
            var facts = extractor.Extract(parser.Parse(File.ReadAllBytes(file)), PatientGenerator.At);
            foreach (var profile in new[] { "uk", "us" })
            {
                var result = RuleEngine.Instance.Evaluate(ruleSet, facts.Facts, new EvaluationContext(PatientGenerator.At, profile));
                var options = new CardOptions
                {
                    PatientId = facts.Patient?.PatientId,
                    HookInstance = $"{Path.GetFileNameWithoutExtension(file)}-{profile}-hook",
                    Profile = profile,
                    ServiceBaseUrl = "https://cds.example.org/cds-services",
                };
                evaluations.Add(($"{Path.GetFileNameWithoutExtension(file)}.{profile}", result, options));
            }
        }

        return new CardInputs(ruleSet, evaluations);
    }
}
