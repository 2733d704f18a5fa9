using B12Cds.Facts.Terminology;
using B12Cds.Fhir.Model;

namespace B12Cds.Facts.Tests.Terminology;

public sealed class TerminologyCatalogMatchTests
{
    private const string Snomed = "http://snomed.info/sct";
    private const string Icd10Cm = "http://hl7.org/fhir/sid/icd-10-cm";
    private const string Atc = "http://www.whocc.no/atc";
    private const string RxNorm = "http://www.nlm.nih.gov/research/umls/rxnorm";

    // A small catalogue whose behaviour does not depend on edits to the real files.
    private static readonly TerminologyCatalog Small = Build("""
        version: 1.0.0
        valueSets:
          - id: pernicious-anaemia
            title: Pernicious anaemia
            codes:
              - { system: http://snomed.info/sct, code: "84027009", status: single-source }
              - { system: http://hl7.org/fhir/sid/icd-10-cm, code: "D51.0", status: confirmed }
            includeValueSets: [ autoimmune-gastritis ]
            text: [ "pernicious an*mia" ]
            excludeText: [ "no pernicious" ]
          - id: autoimmune-gastritis
            title: Autoimmune gastritis
            text: [ "autoimmune gastritis" ]
          - id: neuro-ataxia
            codes: [ { system: http://snomed.info/sct, code: "20262006", status: unconfirmed } ]
            text: [ "ataxi*" ]
          - id: neuro-paraesthesia
            text: [ "par*sth*sia*", "pins and needles" ]
            excludeText: [ "no par*sth*sia*" ]
          - id: neurological-features
            includeValueSets: [ neuro-ataxia, neuro-paraesthesia ]
            excludeText: [ "family history" ]
          - id: b12-replacement
            codes: [ { system: http://www.whocc.no/atc, code: "B03BA*", status: confirmed } ]
            includeValueSets: [ cyanocobalamin ]
            text: [ "vitamin b12", "roux en y", "k+", "a.b" ]
          - id: cyanocobalamin
            codes:
              - { system: http://www.nlm.nih.gov/research/umls/rxnorm, code: "309594", status: confirmed }
              - { system: http://www.whocc.no/atc, code: "B03BA01", status: confirmed }
            text: [ "cyanocobalamin" ]
          - id: crohns-disease
            codes: [ { system: http://hl7.org/fhir/sid/icd-10-cm, code: "K50*", status: unconfirmed } ]
            text: [ "crohn*" ]
        """);

    [Fact]
    public void Match_SnomedCode_ReturnsCodeMatchWithCoding()
    {
        // Arrange
        var coding = new Coding { System = Snomed, Code = "84027009", Display = "Pernicious anemia" };

        // Act
        var matches = Small.Match(new CodeableConcept { Coding = [coding] });

        // Assert
        var match = Assert.Single(matches);
        Assert.Equal(new ConceptMatch("pernicious-anaemia", MatchKind.Code, coding, null), match);
    }

    [Fact]
    public void Match_Icd10CodeInOtherCase_MatchesCaseInsensitively()
    {
        // Act
        var matches = Small.Match(Concept(Icd10Cm, "d51.0"));

        // Assert
        Assert.Equal(["pernicious-anaemia"], Ids(matches));
    }

    [Fact]
    public void Match_SnomedOidAlias_MatchesAsSnomed()
    {
        // Act
        var matches = Small.Match(Concept("urn:oid:2.16.840.1.113883.6.96", "84027009"));

        // Assert
        Assert.Equal(["pernicious-anaemia"], Ids(matches));
    }

    [Fact]
    public void Match_WrongSystem_DoesNotMatchByCode()
    {
        // Act
        var matches = Small.Match(Concept("http://snomed.info/sct/900000000000207008", "84027009"));

        // Assert
        Assert.Empty(matches);
    }

    [Fact]
    public void Match_AtcCodeUnderPrefix_MatchesClassAndIngredient()
    {
        // Act
        var matches = Small.Match(Concept(Atc, "B03BA01"));

        // Assert
        Assert.Equal(["b12-replacement", "cyanocobalamin"], Ids(matches));
        Assert.All(matches, m => Assert.Equal(MatchKind.Code, m.Kind));
    }

    [Theory]
    [InlineData("B03BA03", true)]
    [InlineData("b03ba05", true)]
    [InlineData("B03BA", true)]
    [InlineData("B03BB01", false)]
    [InlineData("B03B", false)]
    public void Match_AtcPrefix_MatchesOnlyCodesStartingWithIt(string code, bool expected)
    {
        // Act
        var matches = Small.Match(Concept(Atc, code));

        // Assert
        Assert.Equal(expected, Ids(matches).Contains("b12-replacement"));
    }

    [Fact]
    public void Match_RxNormProductIncludedInClassSet_MatchesBoth()
    {
        // Act
        var matches = Small.Match(Concept(RxNorm, "309594"));

        // Assert
        Assert.Equal(["b12-replacement", "cyanocobalamin"], Ids(matches));
    }

    [Fact]
    public void Match_ConceptText_ReturnsTextMatchWithoutCoding()
    {
        // Act
        var matches = Small.Match(new CodeableConcept { Text = "History of Pernicious Anemia (2019)" });

        // Assert
        var match = Assert.Single(matches);
        Assert.Equal(new ConceptMatch("pernicious-anaemia", MatchKind.Text, null, "History of Pernicious Anemia (2019)"), match);
    }

    [Fact]
    public void Match_DisplayOfUnlistedCode_ReturnsTextMatchWithThatCoding()
    {
        // Arrange
        var coding = new Coding { System = "http://example.org/local", Code = "PA1", Display = "pernicious anaemia" };

        // Act
        var matches = Small.Match(new CodeableConcept { Coding = [coding] });

        // Assert
        var match = Assert.Single(matches);
        Assert.Equal(MatchKind.Text, match.Kind);
        Assert.Same(coding, match.Coding);
        Assert.Equal("pernicious anaemia", match.MatchedText);
    }

    [Fact]
    public void Match_SameDisplayInAnotherCoding_RemembersTheTextButReturnsTheNewCoding()
    {
        // Arrange: the second match of a text is answered from memory; the coding must still be the caller's.
        var first = new Coding { System = "http://example.org/local", Code = "PA1", Display = "pernicious anaemia with ataxia" };
        var second = new Coding { System = "http://example.org/other", Code = "X9", Display = "pernicious anaemia with ataxia" };
        var cold = Small.Match(new CodeableConcept { Coding = [first] });

        // Act
        var warm = Small.Match(new CodeableConcept { Coding = [second] });

        // Assert
        Assert.Equal(cold.Select(m => m.ValueSetId), warm.Select(m => m.ValueSetId));
        Assert.Equal(["neuro-ataxia", "neurological-features", "pernicious-anaemia"], warm.Select(m => m.ValueSetId).ToArray());
        Assert.All(cold, m => Assert.Same(first, m.Coding));
        Assert.All(warm, m => Assert.Same(second, m.Coding));
    }

    [Fact]
    public void Match_CodeAndTextForSameSet_ReturnsOnlyTheCodeMatch()
    {
        // Arrange
        var concept = new CodeableConcept
        {
            Coding = [new Coding { System = Snomed, Code = "84027009", Display = "Pernicious anemia (disorder)" }],
            Text = "Pernicious anaemia",
        };

        // Act
        var matches = Small.Match(concept);

        // Assert
        var match = Assert.Single(matches);
        Assert.Equal(MatchKind.Code, match.Kind);
    }

    [Fact]
    public void Match_CodeForOneSetTextForAnother_ReturnsCodeMatchesFirst()
    {
        // Arrange
        var concept = new CodeableConcept
        {
            Coding = [new Coding { System = Snomed, Code = "20262006" }],
            Text = "Ataxia with pins and needles; pernicious anaemia",
        };

        // Act
        var matches = Small.Match(concept);

        // Assert
        Assert.Equal(
            [
                ("neuro-ataxia", MatchKind.Code),
                ("neurological-features", MatchKind.Code),
                ("neuro-paraesthesia", MatchKind.Text),
                ("pernicious-anaemia", MatchKind.Text),
            ],
            matches.Select(m => (m.ValueSetId, m.Kind)));
    }

    [Theory]
    [InlineData("No pernicious anaemia")]
    [InlineData("no  Pernicious-anemia on testing")]
    public void Match_ExcludeTextInSameText_VetoesTextMatch(string text)
    {
        // Act
        var matches = Small.Match(new CodeableConcept { Text = text });

        // Assert
        Assert.Empty(matches);
    }

    [Fact]
    public void Match_ExcludeTextInOtherText_DoesNotVetoMatchElsewhere()
    {
        // Arrange
        var concept = new CodeableConcept
        {
            Text = "No pernicious anaemia",
            Coding = [new Coding { System = "http://example.org/local", Code = "X", Display = "Pernicious anaemia" }],
        };

        // Act
        var matches = Small.Match(concept);

        // Assert
        var match = Assert.Single(matches);
        Assert.Equal("Pernicious anaemia", match.MatchedText);
    }

    [Fact]
    public void Match_ExcludeTextOnCodeMatch_DoesNotVetoCode()
    {
        // Arrange
        var concept = new CodeableConcept { Coding = [new Coding { System = Snomed, Code = "84027009" }], Text = "no pernicious anaemia?" };

        // Act
        var matches = Small.Match(concept);

        // Assert
        Assert.Equal(MatchKind.Code, Assert.Single(matches).Kind);
    }

    [Fact]
    public void Match_TextOfIncludedSet_MatchesIncludingSetsByText()
    {
        // Act
        var matches = Small.Match(new CodeableConcept { Text = "Autoimmune gastritis" });

        // Assert
        Assert.Equal(["autoimmune-gastritis", "pernicious-anaemia"], Ids(matches));
        Assert.All(matches, m => Assert.Equal(MatchKind.Text, m.Kind));
    }

    [Fact]
    public void Match_ChildVetoedByItsExclude_DoesNotMatchParent()
    {
        // Act
        var matches = Small.Match(new CodeableConcept { Text = "no paraesthesia" });

        // Assert
        Assert.Empty(matches);
    }

    [Fact]
    public void Match_ParentExcludeText_VetoesInheritedTextMatchOnlyForParent()
    {
        // Act
        var matches = Small.Match(new CodeableConcept { Text = "Family history: ataxia" });

        // Assert
        Assert.Equal(["neuro-ataxia"], Ids(matches));
    }

    [Fact]
    public void Match_CodeOfIncludedSet_MatchesIncludingSet()
    {
        // Act
        var matches = Small.Match(Concept(Snomed, "20262006"));

        // Assert
        Assert.Equal(["neuro-ataxia", "neurological-features"], Ids(matches));
    }

    [Theory]
    [InlineData("Anaemia, pernicious", false)]
    [InlineData("perniciousanaemia", false)]
    [InlineData("PERNICIOUS ANAEMIA", true)]
    [InlineData("pernicious\tanemia", true)]
    [InlineData("pernicious anmia", true)]
    [InlineData("pernicious anaemias", false)]
    public void Match_WildcardPattern_MatchesWholeWordsOnly(string text, bool expected)
    {
        // Act
        var matches = Small.Match(new CodeableConcept { Text = text });

        // Assert
        Assert.Equal(expected, Ids(matches).Contains("pernicious-anaemia"));
    }

    [Theory]
    [InlineData("Crohn's disease", true)]
    [InlineData("Crohn’s disease", true)]
    [InlineData("crohns", true)]
    [InlineData("Crohn disease of ileum", true)]
    [InlineData("Ataxia-telangiectasia", false)] // not crohn
    public void Match_WildcardAfterWord_CoversPossessivesAndPlurals(string text, bool expected)
    {
        // Act
        var matches = Small.Match(new CodeableConcept { Text = text });

        // Assert
        Assert.Equal(expected, Ids(matches).Contains("crohns-disease"));
    }

    [Theory]
    [InlineData("Roux-en-Y gastric bypass", true)]
    [InlineData("roux en y", true)]
    [InlineData("rouxeny", false)]
    [InlineData("K+ 3.1", true)]
    [InlineData("a.b", true)]
    [InlineData("axb", false)]
    [InlineData("vitamin b123", false)]
    public void Match_LiteralCharactersAndSeparators_AreNotRegexSyntax(string text, bool expected)
    {
        // Act
        var matches = Small.Match(new CodeableConcept { Text = text });

        // Assert
        Assert.Equal(expected, Ids(matches).Contains("b12-replacement"));
    }

    [Fact]
    public void Match_NullOrEmptyConcept_ReturnsSharedEmptyList()
    {
        // Act
        var fromNull = Small.Match(null);
        var fromEmpty = Small.Match(new CodeableConcept());
        var fromUnknown = Small.Match(new CodeableConcept { Coding = [new Coding { System = Snomed }, new Coding { Code = "84027009" }], Text = "  " });

        // Assert
        Assert.Empty(fromNull);
        Assert.Same(fromNull, fromEmpty);
        Assert.Same(fromNull, fromUnknown);
    }

    [Theory]
    [InlineData("pernicious-anaemia", Snomed, "84027009", true)]
    [InlineData("neurological-features", Snomed, "20262006", true)]
    [InlineData("b12-replacement", Atc, "B03BA03", true)]
    [InlineData("crohns-disease", Icd10Cm, "K50.90", true)]
    [InlineData("cyanocobalamin", Atc, "B03BA03", false)]
    [InlineData("neuro-ataxia", Snomed, "84027009", false)]
    [InlineData("no-such-set", Snomed, "84027009", false)]
    public void Contains_Coding_ChecksCodesIncludingPrefixesAndIncludes(string valueSetId, string system, string code, bool expected)
    {
        // Act
        var contains = Small.Contains(valueSetId, new Coding { System = system, Code = code });

        // Assert
        Assert.Equal(expected, contains);
    }

    [Fact]
    public void Contains_CodingWithMatchingDisplayOnly_ReturnsFalse()
    {
        // Act
        var contains = Small.Contains("pernicious-anaemia", new Coding { System = "http://example.org", Code = "1", Display = "Pernicious anaemia" });

        // Assert
        Assert.False(contains);
    }

    [Theory]
    [InlineData(Snomed, "84027009", "pernicious-anaemia")]
    [InlineData(Snomed, "302226006", "neurological-features")]
    [InlineData(Icd10Cm, "K50.012", "crohns-disease")]
    [InlineData(Atc, "A02BC05", "ppi")]
    [InlineData(Atc, "A02BC05", "ng239-risk-medicines")]
    [InlineData(Atc, "A02BA03", "h2ra")]
    [InlineData(RxNorm, "6809", "ng239-risk-medicines")]
    [InlineData(RxNorm, "317106", "b12-replacement")]
    [InlineData(Atc, "B03BB01", "folic-acid")]
    [InlineData("http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation", "POS", "result-positive")]
    [InlineData(Snomed, "260385009", "result-negative")]
    [InlineData(Snomed, "78421000", "route-intramuscular")]
    [InlineData("http://loinc.org", "82810-3", "pregnancy-status-observation")]
    [InlineData("urn:oid:2.16.840.1.113883.6.1", "82810-3", "pregnancy-status-observation")]
    public void Match_RealCatalogCodes_MatchExpectedValueSet(string system, string code, string valueSetId)
    {
        // Act
        var matches = RealCatalog.Instance.Match(Concept(system, code));

        // Assert
        var match = Assert.Single(matches, m => m.ValueSetId == valueSetId);
        Assert.Equal(MatchKind.Code, match.Kind);
    }

    [Theory]
    [InlineData("Vegan", "vegan-diet")]
    [InlineData("Recreational nitrous oxide use (nangs)", "nitrous-oxide-use")]
    [InlineData("Laparoscopic Roux-en-Y gastric bypass", "bariatric-surgery")]
    [InlineData("Total gastrectomy 2015", "gastrectomy")]
    [InlineData("Total gastrectomy 2015", "total-gastrectomy")]
    [InlineData("Terminal ileal resection", "ileal-resection")]
    [InlineData("Allergy to cobalt", "cobalt-allergy")]
    [InlineData("Hydroxocobalamin hypersensitivity", "cobalamin-allergy")]
    [InlineData("Omeprazole 20mg capsules", "ppi")]
    [InlineData("Phenobarbitone 30 mg tablets", "ng239-risk-medicines")]
    [InlineData("Methylcobalamin 1000 micrograms", "b12-replacement")]
    [InlineData("Leber's hereditary optic neuropathy", "lhon")]
    [InlineData("Sjögren's syndrome", "autoimmune-risk-conditions")]
    [InlineData("Sore tongue", "b12-symptoms")]
    [InlineData("Tingling in feet", "b12-symptoms")]
    [InlineData("Not detected", "result-negative")]
    [InlineData("Positive", "result-positive")]
    [InlineData("IM", "route-intramuscular")]
    [InlineData("by mouth", "route-oral")]
    public void Match_RealCatalogText_MatchesByText(string text, string valueSetId)
    {
        // Act
        var matches = RealCatalog.Instance.Match(new CodeableConcept { Text = text });

        // Assert
        var match = Assert.Single(matches, m => m.ValueSetId == valueSetId);
        Assert.Equal(MatchKind.Text, match.Kind);
        Assert.Equal(text, match.MatchedText);
    }

    [Theory]
    [InlineData("Not detected", "result-positive")]
    [InlineData("Subtotal gastrectomy", "total-gastrectomy")]
    [InlineData("Aripiprazole 10 mg", "ppi")]
    [InlineData("Not pregnant", "pregnancy")]
    [InlineData("Vitamin B12 deficiency", "b12-replacement")]
    [InlineData("Optic neuropathy", "neuro-peripheral-neuropathy")]
    [InlineData("Leber's optic atrophy", "neuro-visual")]
    [InlineData("Pregnancy status", "pregnancy")]
    [InlineData("Breastfeeding status", "breastfeeding")]
    public void Match_RealCatalogText_DoesNotMatchLookalikes(string text, string valueSetId)
    {
        // Act
        var matches = RealCatalog.Instance.Match(new CodeableConcept { Text = text });

        // Assert
        Assert.DoesNotContain(valueSetId, Ids(matches));
    }

    private static TerminologyCatalog Build(string yaml)
    {
        var result = TerminologyLoader.Load([("small.yaml", yaml)]);
        return result.Catalog ?? throw new InvalidOperationException(string.Join(Environment.NewLine, result.Diagnostics));
    }

    private static CodeableConcept Concept(string system, string code) => new() { Coding = [new Coding { System = system, Code = code }] };

    private static List<string> Ids(IReadOnlyList<ConceptMatch> matches) => matches.Select(m => m.ValueSetId).ToList();
}
