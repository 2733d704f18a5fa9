using System.Text;
using B12Cds.Service.Prefetch;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace B12Cds.Service.Tests.Prefetch;

/// <summary>Small FHIR resources and a resolver wired as the service wires it, with short timeouts.</summary>
internal static class PrefetchTestData
{
    public const string PatientId = "p1";
    public const string Token = "secret-token-123";

    public static IReadOnlyList<PrefetchTemplate> Templates { get; } =
    [
        new("patient", PrefetchArea.Patient, "Patient/{{context.patientId}}", Required: true),
        new("labs", PrefetchArea.Labs, "Observation?patient={{context.patientId}}&code=http://loinc.org|2132-9&_sort=-date", Required: true),
        new("conditions", PrefetchArea.Conditions, "Condition?patient={{context.patientId}}", Required: true),
        new("procedures", PrefetchArea.Procedures, "Procedure?patient={{context.patientId}}", Required: false),
    ];

    public static string Patient(string id = PatientId) =>
        $$$"""{"resourceType":"Patient","id":"{{{id}}}","gender":"female","birthDate":"1960-01-01"}""";

    public static string Observation(string id, string patient = PatientId, string code = "2132-9") =>
        $$$"""{"resourceType":"Observation","id":"{{{id}}}","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"{{{code}}}"}]},"subject":{"reference":"Patient/{{{patient}}}"},"effectiveDateTime":"2026-10-01","valueQuantity":{"value":150,"unit":"pg/mL","system":"http://unitsofmeasure.org","code":"pg/mL"}}""";

    public static string Condition(string id, string patient = PatientId) =>
        $$$"""{"resourceType":"Condition","id":"{{{id}}}","clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-clinical","code":"active"}]},"code":{"coding":[{"system":"http://snomed.info/sct","code":"84027009"}]},"subject":{"reference":"Patient/{{{patient}}}"}}""";

    public static string MedicationRequest(string id, string medicationReference) =>
        "{\"resourceType\":\"MedicationRequest\",\"id\":\"" + id + "\",\"status\":\"active\",\"intent\":\"order\",\"medicationReference\":{\"reference\":\"" + medicationReference + "\",\"display\":\"Hydroxocobalamin 1 mg/mL injection\"},\"subject\":{\"reference\":\"Patient/" + PatientId + "\"}}";

    public static string Medication(string id) =>
        "{\"resourceType\":\"Medication\",\"id\":\"" + id + "\",\"code\":{\"coding\":[{\"system\":\"http://www.nlm.nih.gov/research/umls/rxnorm\",\"code\":\"5514\"}]}}";

    public static string Outcome(string severity, string code, string diagnostics) =>
        $$$"""{"resourceType":"OperationOutcome","issue":[{"severity":"{{{severity}}}","code":"{{{code}}}","diagnostics":"{{{diagnostics}}}"}]}""";

    public static string Bundle(string? next, params string[] resources)
    {
        var link = next is null ? string.Empty : $$""","link":[{"relation":"next","url":"{{next}}"}]""";
        var entries = string.Join(',', resources.Select(r => "{\"resource\":" + r + ",\"search\":{\"mode\":\"" + (r.Contains("\"OperationOutcome\"", StringComparison.Ordinal) ? "outcome" : "match") + "\"}}"));
        return $$"""{"resourceType":"Bundle","type":"searchset"{{link}},"entry":[{{entries}}]}""";
    }

    public static ReadOnlyMemory<byte>? Bytes(string json) => Encoding.UTF8.GetBytes(json);

    public static IReadOnlyDictionary<string, string> Context { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["context.patientId"] = PatientId,
        ["context.userId"] = "Practitioner/u1",
        ["userPractitionerId"] = "u1",
    };

    public static PrefetchRequest Request(Dictionary<string, ReadOnlyMemory<byte>?> provided, Uri? server = null, IReadOnlyList<PrefetchTemplate>? templates = null) => new()
    {
        Templates = templates ?? Templates,
        ContextTokens = Context,
        Provided = provided,
        FhirServer = server,
        AccessToken = server is null ? null : Token,
        CallId = "test-call",
    };

    /// <summary>A resolver with its own pipelines (so its own breakers), short timeouts, and <paramref name="overrides"/>.</summary>
    public static (ServiceProvider Services, PrefetchResolver Resolver) Resolver(params (string Key, string Value)[] overrides) =>
        Resolver(null, overrides);

    /// <summary>As <see cref="Resolver(ValueTuple{string, string}[])"/>, logging to <paramref name="logs"/>.</summary>
    public static (ServiceProvider Services, PrefetchResolver Resolver) Resolver(CapturedLogs? logs, params (string Key, string Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["B12Cds:Prefetch:AttemptTimeout"] = "00:00:02",
            ["B12Cds:Prefetch:MaxRetries"] = "2",
            ["B12Cds:Prefetch:RetryDelay"] = "00:00:00.010",
            ["B12Cds:Prefetch:BreakerMinimumThroughput"] = "100",
            ["B12Cds:Prefetch:BreakerSamplingDuration"] = "00:00:10",
            ["B12Cds:Prefetch:BreakerBreakDuration"] = "00:01:00",
            ["B12Cds:Prefetch:MaxResponseBytes"] = "65536",
            ["B12Cds:Prefetch:AllowInsecureHttp"] = "true",
        };
        foreach (var (key, value) in overrides)
        {
            settings[$"B12Cds:Prefetch:{key}"] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection()
            .AddLogging(b =>
            {
                b.SetMinimumLevel(LogLevel.Trace);
                if (logs is not null)
                {
                    b.AddProvider(logs);
                }
            })
            .AddSingleton(TimeProvider.System)
            .AddB12CdsPrefetch(configuration)
            .BuildServiceProvider();
        return (services, services.GetRequiredService<PrefetchResolver>());
    }
}
