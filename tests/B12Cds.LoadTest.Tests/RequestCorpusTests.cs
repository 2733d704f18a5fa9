using System.Text;
using System.Text.Json;

namespace B12Cds.LoadTest.Tests;

public sealed class RequestCorpusTests
{
    private const string Bundle = """
        {"resourceType":"Bundle","type":"collection","entry":[
          {"fullUrl":"urn:uuid:p2","resource":{"resourceType":"Patient","id":"p2"}},
          {"fullUrl":"urn:uuid:p1","resource":{"resourceType":"Patient","id":"p1"}},
          {"fullUrl":"urn:uuid:o1","resource":{"resourceType":"Observation","id":"o1","subject":{"reference":"urn:uuid:p1"}}},
          {"fullUrl":"urn:uuid:o2","resource":{"resourceType":"Observation","id":"o2","subject":{"reference":"urn:uuid:p1"}}},
          {"fullUrl":"urn:uuid:c1","resource":{"resourceType":"Condition","id":"c1","subject":{"reference":"urn:uuid:p1"}}}
        ]}
        """;

    private static readonly HookService Service = new(
        "b12",
        "patient-view",
        [
            PrefetchTemplate.Parse("patient", "Patient/{{context.patientId}}"),
            PrefetchTemplate.Parse("labs", "Observation?patient={{context.patientId}}&code=http://loinc.org|2132-9"),
            PrefetchTemplate.Parse("conditions", "Condition?patient={{context.patientId}}"),
            PrefetchTemplate.Parse("allergies", "AllergyIntolerance?patient={{context.patientId}}"),
        ]);

    [Fact]
    public void Build_GroupsResourcesByPrefetchType_WithTheSubjectPatientAndNullForNone()
    {
        using var bundle = JsonDocument.Parse(Bundle);
        var body = RequestCorpus.Build("test", bundle.RootElement, Service);

        var instance = Guid.NewGuid();
        using var request = JsonDocument.Parse(new HookRequestContent(body, instance).ToArray());
        var root = request.RootElement;
        var prefetch = root.GetProperty("prefetch");

        Assert.Equal("p1", body.PatientId);
        Assert.Equal(instance.ToString(), root.GetProperty("hookInstance").GetString());
        Assert.Equal("p1", root.GetProperty("context").GetProperty("patientId").GetString());
        Assert.Equal("p1", prefetch.GetProperty("patient").GetProperty("id").GetString());
        Assert.Equal("searchset", prefetch.GetProperty("labs").GetProperty("type").GetString());
        Assert.Equal(["o1", "o2"], prefetch.GetProperty("labs").GetProperty("entry").EnumerateArray().Select(e => e.GetProperty("resource").GetProperty("id").GetString()));
        Assert.Equal(1, prefetch.GetProperty("conditions").GetProperty("total").GetInt32());
        Assert.Equal(JsonValueKind.Null, prefetch.GetProperty("allergies").ValueKind);
    }

    [Fact]
    public async Task HookRequestContent_SentTwice_HasTheBodyLengthAndDistinctInstances()
    {
        using var bundle = JsonDocument.Parse(Bundle);
        var body = RequestCorpus.Build("test", bundle.RootElement, Service);

        using var first = new HookRequestContent(body, Guid.NewGuid());
        using var second = new HookRequestContent(body, Guid.NewGuid());
        var a = await first.ReadAsByteArrayAsync();
        var b = await second.ReadAsByteArrayAsync();

        Assert.Equal(body.Body.Length, a.Length);
        Assert.Equal(body.Body.Length, first.Headers.ContentLength);
        Assert.NotEqual(Encoding.UTF8.GetString(a), Encoding.UTF8.GetString(b));
        Assert.DoesNotContain(RequestCorpus.InstancePlaceholder, Encoding.UTF8.GetString(a), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Patient/{{context.patientId}}", "Patient", true)]
    [InlineData("Observation?patient={{context.patientId}}&code=x", "Observation", false)]
    [InlineData("/Condition?patient={{context.patientId}}", "Condition", false)]
    [InlineData("MedicationRequest", "MedicationRequest", false)]
    public void PrefetchTemplate_Parse_ReadsTheResourceType(string template, string type, bool isRead)
    {
        var parsed = PrefetchTemplate.Parse("k", template);

        Assert.Equal(type, parsed.ResourceType);
        Assert.Equal(isRead, parsed.IsRead);
    }
}
