namespace B12Cds.Facts.Terminology;

/// <summary>
/// Ids of the value sets in <c>rules/valuesets/</c> that code refers to. The files may hold more; these must exist
/// (a test checks the shipped files). Rule files refer to the same ids as strings.
/// </summary>
public static class ValueSetIds
{
    public const string B12Deficiency = "b12-deficiency";
    public const string PerniciousAnaemia = "pernicious-anaemia";
    public const string AutoimmuneGastritis = "autoimmune-gastritis";
    public const string AtrophicGastritis = "atrophic-gastritis";
    public const string MegaloblasticAnaemia = "megaloblastic-anaemia";
    public const string Anaemia = "anaemia";
    public const string CrohnsDisease = "crohns-disease";
    public const string CoeliacDisease = "coeliac-disease";
    public const string ChronicKidneyDisease = "chronic-kidney-disease";
    public const string Lhon = "lhon";
    public const string Pregnancy = "pregnancy";
    public const string PregnancyStatusObservation = "pregnancy-status-observation";
    public const string Breastfeeding = "breastfeeding";
    public const string VeganDiet = "vegan-diet";
    public const string VegetarianDiet = "vegetarian-diet";
    public const string NitrousOxideUse = "nitrous-oxide-use";
    public const string NeuroParaesthesia = "neuro-paraesthesia";
    public const string NeuroPeripheralNeuropathy = "neuro-peripheral-neuropathy";
    public const string NeuroAtaxia = "neuro-ataxia";
    public const string NeuroSacd = "neuro-sacd";
    public const string NeuroCognitive = "neuro-cognitive";
    public const string NeuroVisual = "neuro-visual";
    public const string NeurologicalFeatures = "neurological-features";
    public const string B12Symptoms = "b12-symptoms";
    public const string AutoimmuneRiskConditions = "autoimmune-risk-conditions";
    public const string Gastrectomy = "gastrectomy";
    public const string TotalGastrectomy = "total-gastrectomy";
    public const string BariatricSurgery = "bariatric-surgery";
    public const string IlealResection = "ileal-resection";
    public const string B12Replacement = "b12-replacement";
    public const string Cyanocobalamin = "cyanocobalamin";
    public const string Hydroxocobalamin = "hydroxocobalamin";
    public const string FolicAcid = "folic-acid";
    public const string Metformin = "metformin";
    public const string Ppi = "ppi";
    public const string H2ra = "h2ra";
    public const string NitrousOxide = "nitrous-oxide";
    public const string Ng239RiskMedicines = "ng239-risk-medicines";
    public const string CobaltAllergy = "cobalt-allergy";
    public const string CobalaminAllergy = "cobalamin-allergy";
    public const string RouteIntramuscular = "route-intramuscular";
    public const string RouteSubcutaneous = "route-subcutaneous";
    public const string RouteOral = "route-oral";
    public const string RouteNasal = "route-nasal";
    public const string RouteIntravenous = "route-intravenous";
    public const string ResultPositive = "result-positive";
    public const string ResultNegative = "result-negative";
}
