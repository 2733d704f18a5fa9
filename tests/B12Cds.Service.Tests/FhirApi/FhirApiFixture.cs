using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using B12Cds.Service.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace B12Cds.Service.Tests.FhirApi;

/// <summary>
/// One test host for the FHIR API tests (the shipped rules, a fixed clock) and the official R4 JSON Schema, shared
/// by the classes of <see cref="FhirApiTestGroup"/>. Clients are created in one place, <see cref="CreateClient(WebApplicationFactory{Program})"/>.
/// </summary>
public sealed class FhirApiFixture : IAsyncLifetime
{
    /// <summary>The evaluation date every sample bundle is written for (fhir-samples/README.md).</summary>
    public const string SampleDate = "2026-11-01";

    /// <summary>The clock of the test host: the Provenance's <c>recorded</c> and the default evaluation time.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 1, 9, 30, 0, TimeSpan.Zero);

    private WebApplicationFactory<Program>? _factory;
    private FhirSchemaValidator? _schema;

    /// <summary>Gets the official R4 JSON Schema validator.</summary>
    public FhirSchemaValidator Schema => _schema ?? throw new InvalidOperationException("The schema is not loaded.");

    public async Task InitializeAsync()
    {
        _factory = CreateFactory();
        _schema = await FhirSchemaValidator.LoadAsync(Path.Combine(RepoPaths.TestProject("B12Cds.Fhir.Tests"), "TestData", "fhir.schema.json"));
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }

    /// <summary>Creates a client of the shared host.</summary>
    public HttpClient CreateClient() => CreateClient(_factory ?? throw new InvalidOperationException("The host is not started."));

    /// <summary>Creates a host with the shipped rules and the fixed clock, with extra settings (the caller disposes it).</summary>
    public static WebApplicationFactory<Program> CreateFactory(params (string Key, string Value)[] settings) =>
        new WebApplicationFactory<Program>().WithLoopbackCaller().WithWebHostBuilder(builder =>
        {
            builder.UseTestDefaults();
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(new FixedTimeProvider(Now)));
        });

    /// <summary>Creates a client of <paramref name="factory"/>: the one place a test client is made (authentication, when the service requires it, goes here).</summary>
    public static HttpClient CreateClient(WebApplicationFactory<Program> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return factory.CreateClient();
    }

    /// <summary>Creates FHIR JSON content.</summary>
    public static StringContent FhirContent(string json, string mediaType = "application/fhir+json")
    {
        var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);
        return content;
    }

    /// <summary>A $apply Parameters body: subject, asOf (the samples' date unless given) and the sample's file as <c>data</c>.</summary>
    public static string ApplyParameters(string sampleFile, string? subject = null, string? asOf = SampleDate, params string[] extraParameters)
    {
        var data = File.ReadAllText(RepoPaths.Sample(sampleFile));
        subject ??= $"Patient/{Samples.PatientIds(sampleFile)[0]}";
        var parameters = new List<string> { $$"""{"name":"subject","valueString":"{{subject}}"}""" };
        if (asOf is not null)
        {
            parameters.Add($$"""{"name":"asOf","valueDate":"{{asOf}}"}""");
        }

        parameters.AddRange(extraParameters);
        parameters.Add($$"""{"name":"data","resource":{{data}}}""");
        return $$"""{"resourceType":"Parameters","parameter":[{{string.Join(",", parameters)}}]}""";
    }

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

/// <summary>The FHIR API test classes: one host and one loaded schema, shared.</summary>
[CollectionDefinition(Name)]
public sealed class FhirApiTestGroup : ICollectionFixture<FhirApiFixture>
{
    public const string Name = "FHIR API";
}
