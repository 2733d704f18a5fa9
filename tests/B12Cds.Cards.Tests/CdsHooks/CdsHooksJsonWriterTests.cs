using System.Reflection;
using System.Text;
using System.Text.Json;
using B12Cds.Cards.CdsHooks;
using B12Cds.Cards.Tests.Support;
using B12Cds.Facts.Extraction;
using B12Cds.Fhir.Json;
using B12Cds.Fhir.Model;
using B12Cds.Rules.Engine;
using B12Cds.Rules.Loading;
using B12Cds.Rules.Model;

namespace B12Cds.Cards.Tests.CdsHooks;

/// <summary>
/// The hand-written CDS Hooks writing (<c>CdsHooksJsonWriter</c>) gives exactly the bytes the serializer's metadata
/// gives: for every sample in both profiles with the real rules, for a response that sets every optional property, and
/// for every model property (a property added to a model type fails here until the writer writes it).
/// </summary>
public sealed class CdsHooksJsonWriterTests
{
    private static readonly Lazy<RuleSet> RealRules = new(() =>
    {
        var loaded = RuleSetLoader.LoadDirectory(RepoPaths.Rules);
        return loaded.RuleSet ?? throw new InvalidOperationException(string.Join(Environment.NewLine, loaded.Diagnostics));
    });

    public static TheoryData<string, string> SamplesAndProfiles()
    {
        var data = new TheoryData<string, string>();
        foreach (var sample in Directory.EnumerateFiles(RepoPaths.Samples, "*.json").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal))
        {
            data.Add(sample, "uk");
            data.Add(sample, "us");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SamplesAndProfiles))]
    public void Serialize_SampleWithRealRules_SameBytesAsSerializerMetadata(string sample, string profile)
    {
        // Arrange
        var ruleSet = RealRules.Value;
        var parsed = new FhirJsonParser().ParseFile(RepoPaths.Sample($"{sample}.json"));
        var facts = new FactExtractor(ruleSet.Terminology).Extract(parsed, Evaluations.At);
        var result = RuleEngine.Instance.Evaluate(ruleSet, facts.Facts, new EvaluationContext(Evaluations.At, profile));
        var response = new CardFactory(ruleSet).Create(result, new CardOptions
        {
            PatientId = facts.Patient?.PatientId,
            HookInstance = "4bb3c6e5-93b1-4c1c-8c63-0d5c1ac3e1a7",
            Profile = profile,
            ServiceBaseUrl = "https://cds.example.org/cds-services",
        });

        // Act
        // Assert
        AssertSameAsMetadata(response);
    }

    [Fact]
    public void Serialize_EveryOptionalPropertySet_SameBytesAsSerializerMetadata()
    {
        // Arrange
        var action = new CdsAction
        {
            Type = "update",
            Description = "Update <the> \"order\" & note — é 😀",
            Resource = new ServiceRequest { Id = "sr-1", Status = "draft", Intent = "proposal", Code = new CodeableConcept { Text = "x+y" } },
            ResourceId = "ServiceRequest/sr-1",
        };
        var card = new Card
        {
            Uuid = "u1",
            Summary = "Summary\twith\ncontrol characters \u0001 and </script>",
            Detail = "**detail**",
            Indicator = Indicators.Warning,
            Source = new CardSource
            {
                Label = "B12 CDS",
                Url = "https://cds.example.org",
                Icon = "https://cds.example.org/icon.png",
                Topic = new Coding { System = "urn:s", Version = "1", Code = "c", Display = "d", UserSelected = false },
            },
            Suggestions =
            [
                new Suggestion { Label = "a", Uuid = "s1", IsRecommended = true, Actions = [action, null!] },
                new Suggestion { Label = "b", IsRecommended = false },
            ],
            SelectionBehavior = "at-most-one",
            OverrideReasons = [.. OverrideReasons.All, new Coding { UserSelected = true }],
            Links = [new CdsLink("Guideline", "https://example.org/g", "absolute")],
            Extension = new CardExtension
            {
                Rules = [new RuleReference("DX-04", "2026.11.0")],
                RuleSetVersion = "2026.11.0",
                Explanation =
                [
                    new CardExplanation
                    {
                        Rule = "DX-04",
                        Title = "Title",
                        Role = CardExplanation.SuppressedRole,
                        Sequence = 7,
                        Indicator = Indicators.Info,
                        Summary = "s",
                        Group = "g",
                        Citations = [new Citation("S1", "text", "https://example.org"), new Citation("S2", null, null)],
                        Facts = [new ExplainedFact { Binding = "b", Type = "lab", Reference = "Observation/1", Path = "Bundle.entry[0].resource", Text = "t" }, new ExplainedFact { Type = "lab", Path = "p" }],
                        NotOffered = ["x: not offered", null!],
                    },
                    new CardExplanation { Rule = "R", Title = "T", Role = CardExplanation.CardRole },
                ],
            },
        };
        var response = new CdsResponse { Cards = [card, new Card { Summary = "s", Indicator = "info", Source = new CardSource { Label = "l" } }], SystemActions = [action] };

        // Act
        // Assert
        AssertSameAsMetadata(response);
        AssertSameAsMetadata(CdsResponse.Empty);
    }

    [Fact]
    public void Writer_ModelTypes_WriteTheirKnownPropertiesOnly()
    {
        // Arrange: the properties CdsHooksJsonWriter writes, in order. A new property needs writing there, then adding here.
        var written = new Dictionary<Type, string[]>
        {
            [typeof(CdsResponse)] = ["Cards", "SystemActions"],
            [typeof(Card)] = ["Uuid", "Summary", "Detail", "Indicator", "Source", "Suggestions", "SelectionBehavior", "OverrideReasons", "Links", "Extension"],
            [typeof(CardSource)] = ["Label", "Url", "Icon", "Topic"],
            [typeof(Coding)] = ["System", "Version", "Code", "Display", "UserSelected"],
            [typeof(Suggestion)] = ["Label", "Uuid", "IsRecommended", "Actions"],
            [typeof(CdsAction)] = ["Type", "Description", "Resource", "ResourceId"],
            [typeof(CdsLink)] = ["Label", "Url", "Type"],
            [typeof(CardExtension)] = ["Rules", "RuleSetVersion", "Explanation"],
            [typeof(RuleReference)] = ["Id", "Version"],
            [typeof(CardExplanation)] = ["Rule", "Title", "Role", "Sequence", "Indicator", "Summary", "Group", "Citations", "Facts", "NotOffered"],
            [typeof(Citation)] = ["Source", "Text", "Url"],
            [typeof(ExplainedFact)] = ["Binding", "Type", "Reference", "Path", "Text"],
        };

        // Act
        var actual = written.Keys.ToDictionary(t => t, t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.MetadataToken).Select(p => p.Name).ToArray());

        // Assert
        Assert.All(written, pair => Assert.Equal(pair.Value, actual[pair.Key]));
    }

    private static void AssertSameAsMetadata(CdsResponse response)
    {
        foreach (var indented in new[] { false, true })
        {
            var expected = CdsHooksJson.SerializeWithMetadata(response, indented);
            Assert.Equal(expected, CdsHooksJson.Serialize(response, indented));
            Assert.Equal(Encoding.UTF8.GetBytes(expected), CdsHooksJson.SerializeToUtf8Bytes(response, indented));
            foreach (var card in response.Cards.Where(c => c is not null))
            {
                Assert.Equal(CdsHooksJson.SerializeWithMetadata(card, indented), CdsHooksJson.Serialize(card, indented));
            }
        }

        // A card written to a caller's writer (the evaluation report) is written as the serializer writes it there.
        foreach (var card in response.Cards.Where(c => c is not null))
        {
            Assert.Equal(WithCallerWriter(w => CdsHooksJson.WriteWithMetadata(w, card)), WithCallerWriter(w => CdsHooksJson.Write(w, card)));
        }
    }

    private static string WithCallerWriter(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
