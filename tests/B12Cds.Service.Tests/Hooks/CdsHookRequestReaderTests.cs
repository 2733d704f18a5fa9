using System.Text;
using B12Cds.Service.Hooks;

namespace B12Cds.Service.Tests.Hooks;

public sealed class CdsHookRequestReaderTests
{
    private const string Minimal = """{"hook":"patient-view","hookInstance":"d1577c69-dfbe-44ad-ba6d-3e05e953b2ea","context":{"userId":"Practitioner/example","patientId":"p1"}}""";

    private static CdsHookRequest Read(string json)
    {
        Assert.True(CdsHookRequestReader.TryRead(Encoding.UTF8.GetBytes(json), out var request, out var problem), problem?.Reason);
        return request;
    }

    private static RequestProblem Problem(string json)
    {
        Assert.False(CdsHookRequestReader.TryRead(Encoding.UTF8.GetBytes(json), out _, out var problem));
        return problem;
    }

    [Fact]
    public void A_minimal_request_reads_with_its_context_tokens()
    {
        var request = Read(Minimal);

        Assert.Equal("patient-view", request.Hook);
        Assert.Equal("p1", request.PatientId);
        Assert.Equal("Practitioner/example", request.UserId);
        Assert.Equal("p1", request.ContextTokens["context.patientId"]);
        Assert.Equal("example", request.ContextTokens["userPractitionerId"]);
        Assert.Empty(request.Prefetch);
        Assert.Null(request.FhirServer);
    }

    [Fact]
    public void Prefetch_values_are_kept_as_their_own_bytes_and_null_means_no_data()
    {
        var request = Read("""
            {"hook":"patient-view","hookInstance":"h","context":{"patientId":"p1","userId":"Practitioner/1"},
             "prefetch":{"patient":{"resourceType":"Patient","id":"p1","name":[{"text":"A \"quoted\" name"}]},"allergies":null},
             "extension":{"com.example":{"x":[1,2]}}}
            """);

        Assert.Equal("""{"resourceType":"Patient","id":"p1","name":[{"text":"A \"quoted\" name"}]}""", Encoding.UTF8.GetString(request.Prefetch["patient"]!.Value.Span));
        Assert.True(request.Prefetch.ContainsKey("allergies"));
        Assert.Null(request.Prefetch["allergies"]);
        Assert.False(request.Prefetch.ContainsKey("labs"));
    }

    [Fact]
    public void Order_hooks_keep_draft_orders_and_selections()
    {
        var request = Read("""
            {"hook":"order-select","hookInstance":"h","context":{"patientId":"p1","userId":"Practitioner/1","encounterId":"e1",
             "selections":["MedicationRequest/m1"],"draftOrders":{"resourceType":"Bundle","type":"collection","entry":[]}}}
            """);

        Assert.Equal(["MedicationRequest/m1"], request.Selections);
        Assert.Equal("e1", request.ContextTokens["context.encounterId"]);
        Assert.StartsWith("{\"resourceType\":\"Bundle\"", Encoding.UTF8.GetString(request.DraftOrders!.Value.Span), StringComparison.Ordinal);
    }

    [Fact]
    public void The_fhir_server_and_its_token_are_read()
    {
        var request = Read("""
            {"hook":"patient-view","hookInstance":"h","fhirServer":"https://ehr.example.org/fhir",
             "fhirAuthorization":{"access_token":"secret","token_type":"Bearer","expires_in":300,"scope":"patient/*.read","subject":"b12"},
             "context":{"patientId":"p1","userId":"Practitioner/1"}}
            """);

        Assert.Equal(new Uri("https://ehr.example.org/fhir"), request.FhirServer);
        Assert.Equal("secret", request.AccessToken);
    }

    [Theory]
    [InlineData("", null, "empty")]
    [InlineData("[]", null, "JSON object")]
    [InlineData("{\"hook\":\"patient-view\"", null, "not valid JSON")]
    [InlineData("{\"hookInstance\":\"h\",\"context\":{\"patientId\":\"p\"}}", "hook", "'hook' is required")]
    [InlineData("{\"hook\":\"patient-view\",\"context\":{\"patientId\":\"p\"}}", "hookInstance", "'hookInstance' is required")]
    [InlineData("{\"hook\":\"patient-view\",\"hookInstance\":\"h\"}", "context", "'context' is required")]
    [InlineData("{\"hook\":\"patient-view\",\"hookInstance\":\"h\",\"context\":{\"userId\":\"Practitioner/1\"}}", "context.patientId", "patientId' is required")]
    [InlineData("{\"hook\":\"patient-view\",\"hookInstance\":\"h\",\"context\":{\"patientId\":42}}", "context.patientId", "must be a string")]
    [InlineData("{\"hook\":\"patient-view\",\"hookInstance\":\"h\",\"hook\":\"order-sign\",\"context\":{\"patientId\":\"p\"}}", "hook", "appears twice")]
    [InlineData("{\"hook\":\"patient-view\",\"hookInstance\":\"h\",\"context\":{\"patientId\":\"p\"},\"prefetch\":{\"labs\":[1]}}", "prefetch.labs", "FHIR resource")]
    [InlineData("{\"hook\":\"patient-view\",\"hookInstance\":\"h\",\"context\":{\"patientId\":\"p\"},\"prefetch\":{\"labs\":null,\"labs\":null}}", "prefetch.labs", "appears twice")]
    [InlineData("{\"hook\":\"patient-view\",\"hookInstance\":\"h\",\"context\":{\"patientId\":\"p\"},\"fhirServer\":\"ftp://x\"}", "fhirServer", "https")]
    [InlineData("{\"hook\":\"patient-view\",\"hookInstance\":\"h\",\"context\":{\"patientId\":\"p\"},\"fhirAuthorization\":{\"access_token\":\"t\",\"token_type\":\"Bearer\"}}", "fhirServer", "required when")]
    [InlineData("{\"hook\":\"patient-view\",\"hookInstance\":\"h\",\"context\":{\"patientId\":\"p\"},\"fhirServer\":\"https://x\",\"fhirAuthorization\":{\"token_type\":\"Bearer\"}}", "fhirAuthorization.access_token", "required")]
    [InlineData("{\"hook\":\"patient-view\",\"hookInstance\":\"h\",\"context\":{\"patientId\":\"p\"},\"fhirServer\":\"https://x\",\"fhirAuthorization\":{\"access_token\":\"t\",\"token_type\":\"MAC\"}}", "fhirAuthorization.token_type", "Bearer")]
    [InlineData("{\"hook\":\"order-select\",\"hookInstance\":\"h\",\"context\":{\"patientId\":\"p\",\"draftOrders\":[]}}", "context.draftOrders", "FHIR resource")]
    [InlineData("{\"hook\":\"order-select\",\"hookInstance\":\"h\",\"context\":{\"patientId\":\"p\",\"selections\":\"x\"}}", "context.selections", "array of strings")]
    [InlineData("{\"hook\":\"patient-view\",\"hookInstance\":\"\",\"context\":{\"patientId\":\"p\"}}", "hookInstance", "non-empty")]
    public void A_bad_request_is_refused_with_the_reason_and_where(string json, string? path, string reason)
    {
        var problem = Problem(json);

        Assert.Equal(path, problem.Path);
        Assert.Contains(reason, problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Deep_nesting_is_refused_not_crashed_on()
    {
        var deep = new string('[', 5000) + new string(']', 5000);

        var problem = Problem($"{{\"hook\":\"patient-view\",\"hookInstance\":\"h\",\"context\":{{\"patientId\":\"p\"}},\"extension\":{deep}}}");

        Assert.Contains("not valid JSON", problem.Reason, StringComparison.Ordinal);
    }
}
