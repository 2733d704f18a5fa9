using B12Cds.Facts.Extraction;
using B12Cds.Facts.Model;
using B12Cds.Facts.Tests.Extraction.Support;
using B12Cds.Fhir.Diagnostics;

namespace B12Cds.Facts.Tests.Extraction;

/// <summary>Bad or excluded input: statuses that never become facts, parse issues carried along, unreadable input.</summary>
public sealed partial class FactExtractorTests
{
    [Theory]
    [InlineData("entered-in-error")]
    [InlineData("cancelled")]
    [InlineData("registered")]
    public void Extract_ObservationExcludedStatus_NoFactWithFact006(string status)
    {
        // Arrange
        var observation = TestBundles.Lab("b12", "2132-9", TestBundles.Quantity("450", "ng/L"), status);

        // Act
        var set = Extract(TestBundles.WithPatient(observation));

        // Assert
        Assert.Empty(set.OfType<LabResult>());
        var issue = SingleIssue(set, FactIssueIds.ExcludedStatus);
        Assert.Equal(IssueSeverity.Information, issue.Severity);
        Assert.Equal("informational", issue.Code);
        Assert.Equal("Bundle.entry[1].resource.status", issue.Expression);
        Assert.Contains(status, issue.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("final")]
    [InlineData("amended")]
    [InlineData("corrected")]
    [InlineData("preliminary")]
    public void Extract_ObservationUsableStatus_LabFact(string status)
    {
        // Arrange
        var observation = TestBundles.Lab("b12", "2132-9", TestBundles.Quantity("450", "ng/L"), status);

        // Act
        var set = Extract(TestBundles.WithPatient(observation));

        // Assert
        Assert.Equal(status, Assert.Single(set.OfType<LabResult>()).Status);
        Assert.Empty(set.Issues);
    }

    [Fact]
    public void Extract_ParseResultWithIssues_ParseIssuesCarriedFirst()
    {
        // Arrange: an Encounter (not read: FHIR006) and an entry with a date that is not a FHIR date (FHIR005).
        var json = TestBundles.WithPatient(
            """{ "resourceType": "Encounter", "id": "enc", "status": "finished", "class": { "code": "AMB" } }""",
            TestBundles.Lab("bad", "2132-9", TestBundles.Quantity("150", "ng/L")).Replace(TestBundles.Effective, "18/10/2026", StringComparison.Ordinal),
            TestBundles.Lab("good", "2132-9", TestBundles.Quantity("150", "ng/L")),
            TestBundles.Lab("gone", "2132-9", TestBundles.Quantity("150", "ng/L"), "entered-in-error"));
        var parsed = Parser.Parse(json);

        // Act
        var set = _valueSets.Extractor.Extract(parsed, TestBundles.AsOf);

        // Assert
        Assert.Equal("good", Assert.Single(set.OfType<LabResult>()).Source.Id);
        Assert.Equal([.. parsed.Issues.Select(i => i.Id), FactIssueIds.ExcludedStatus], set.Issues.Select(i => i.Id));
        Assert.Contains(set.Issues, i => i.Id == IssueIds.UnsupportedResourceType && i.Expression == "Bundle.entry[1].resource");
        Assert.Contains(set.Issues, i => i.Id == IssueIds.InvalidElement);
    }

    [Fact]
    public void Extract_MalformedJson_NoFactsAndParseIssueOnly()
    {
        // Arrange
        var parsed = Parser.Parse("""{ "resourceType": "Bundle", "type": "collection", "entry": [ """);

        // Act
        var set = _valueSets.Extractor.Extract(parsed, TestBundles.AsOf);

        // Assert
        Assert.Empty(set.Facts);
        Assert.Null(set.Patient);
        Assert.Equal(TestBundles.AsOf, set.AsOf);
        var issue = Assert.Single(set.Issues);
        Assert.Equal(IssueIds.MalformedJson, issue.Id);
        Assert.Equal(IssueSeverity.Fatal, issue.Severity);
    }

    [Theory]
    [InlineData("[ { \"resourceType\": \"Patient\" } ]")]
    [InlineData("null")]
    [InlineData("42")]
    public void Extract_JsonThatIsNotAResource_NoFactsAndFhir002(string json)
    {
        // Arrange
        var parsed = Parser.Parse(json);

        // Act
        var set = _valueSets.Extractor.Extract(parsed, TestBundles.AsOf);

        // Assert
        Assert.Empty(set.Facts);
        Assert.Equal(IssueIds.NotAResource, Assert.Single(set.Issues).Id);
    }

    [Fact]
    public void Extract_RootResourceInvalid_NoFactsAndNoFactIssues()
    {
        // Arrange: the root Observation has a date that is not a FHIR date, so it cannot be read.
        var parsed = Parser.Parse(TestBundles.Lab("bad", "2132-9", TestBundles.Quantity("150", "ng/L")).Replace(TestBundles.Effective, "yesterday", StringComparison.Ordinal));

        // Act
        var set = _valueSets.Extractor.Extract(parsed, TestBundles.AsOf);

        // Assert
        Assert.False(parsed.IsReadable);
        Assert.Empty(set.Facts);
        Assert.Equal(parsed.Issues, set.Issues);
        Assert.DoesNotContain(set.Issues, i => i.Id.StartsWith("FACT", StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_EmptyBundle_NoFactsAndFact008()
    {
        // Arrange
        var json = """{ "resourceType": "Bundle", "type": "collection" }""";

        // Act
        var set = Extract(json);

        // Assert
        Assert.Empty(set.Facts);
        Assert.Equal(FactIssueIds.NoPatient, Assert.Single(set.Issues).Id);
    }

    [Fact]
    public void Extract_ObservationWithoutCode_NotAFactWithFact007()
    {
        // Arrange
        var observation = """{ "resourceType": "Observation", "id": "x", "status": "final", "subject": { "reference": "Patient/p1" }, "valueString": "?" }""";

        // Act
        var set = Extract(TestBundles.WithPatient(observation));

        // Assert
        Assert.Single(set.Facts);
        Assert.Contains("(no code)", SingleIssue(set, FactIssueIds.NotRelevant).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_NullArguments_Throw()
    {
        // Arrange
        var extractor = _valueSets.Extractor;

        // Act
        var parseResult = Record.Exception(() => extractor.Extract((B12Cds.Fhir.Json.FhirParseResult)null!, TestBundles.AsOf));
        var resource = Record.Exception(() => extractor.Extract((B12Cds.Fhir.Model.Resource)null!, TestBundles.AsOf));
        var catalog = Record.Exception(() => new FactExtractor(null!));

        // Assert
        Assert.IsType<ArgumentNullException>(parseResult);
        Assert.IsType<ArgumentNullException>(resource);
        Assert.IsType<ArgumentNullException>(catalog);
    }

    [Fact]
    public void Extract_SameInputTwice_SameFacts()
    {
        // Arrange
        var json = TestBundles.WithPatient(TestBundles.Lab("b12", "2132-9", TestBundles.Quantity("150", "ng/L")), Condition("pa", PerniciousAnaemia));

        // Act
        var first = Extract(json);
        var second = Extract(json);

        // Assert
        Assert.Equal(first.Facts.Select(FactText.Describe), second.Facts.Select(FactText.Describe));
        Assert.Equal(first.Issues, second.Issues);
    }
}
