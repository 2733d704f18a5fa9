using B12Cds.Fhir.Model;
using B12Cds.Service.Prefetch;
using Microsoft.AspNetCore.Http;
using static B12Cds.Service.Tests.Prefetch.PrefetchTestData;

namespace B12Cds.Service.Tests.Prefetch;

/// <summary>Medications referred to by orders are read when they are not in hand.</summary>
public sealed class MedicationReferenceTests
{
    private static readonly IReadOnlyList<PrefetchTemplate> MedicationTemplates =
    [
        new("medicationRequests", PrefetchArea.MedicationRequests, "MedicationRequest?patient={{context.patientId}}", Required: true),
    ];

    [Fact]
    public async Task Resolve_ReferencedMedicationNotInHand_IsReadFromTheServer()
    {
        await using var server = await FhirStandIn.StartAsync(context => context.Request.Path.Value switch
        {
            "/fhir/MedicationRequest" => FhirStandIn.WriteJson(context, Bundle(null, MedicationRequest("mr1", "Medication/m1"), MedicationRequest("mr2", "Medication/m1"))),
            "/fhir/Medication/m1" => FhirStandIn.WriteJson(context, Medication("m1")),
            _ => FhirStandIn.WriteJson(context, string.Empty, StatusCodes.Status404NotFound),
        });
        var (services, resolver) = Resolver();
        await using var _ = services;

        var outcome = await resolver.ResolveAsync(Request(new(), server.Base, MedicationTemplates), CancellationToken.None);

        var key = Assert.Single(outcome.Keys);
        Assert.Equal(PrefetchKeyState.Fetched, key.State);
        Assert.Equal(["MedicationRequest/mr1", "MedicationRequest/mr2", "Medication/m1"], key.Resources.Select(r => r.RelativeReference()));
        Assert.Null(key.Problem);
        Assert.Equal(["/fhir/MedicationRequest?patient=p1", "/fhir/Medication/m1"], server.Requests.Select(r => r.PathAndQuery));
        Assert.All(server.Requests, r => Assert.Equal($"Bearer {Token}", r.Authorization));
    }

    [Fact]
    public async Task Resolve_ReferencedMedicationUnreadable_KeepsTheOrdersAndSaysSo()
    {
        await using var server = await FhirStandIn.StartAsync(context => FhirStandIn.WriteJson(context, string.Empty, StatusCodes.Status404NotFound));
        var (services, resolver) = Resolver();
        await using var _ = services;
        var provided = new Dictionary<string, ReadOnlyMemory<byte>?> { ["medicationRequests"] = Bytes(Bundle(null, MedicationRequest("mr1", "Medication/m9"))) };

        var outcome = await resolver.ResolveAsync(Request(provided, server.Base, MedicationTemplates), CancellationToken.None);

        var key = Assert.Single(outcome.Keys);
        Assert.Equal(PrefetchKeyState.Provided, key.State);
        Assert.Equal(["MedicationRequest/mr1"], key.Resources.Select(r => r.RelativeReference()));
        Assert.Contains("1 referenced Medication(s) could not be read", key.Problem, StringComparison.Ordinal);
        Assert.Equal("/fhir/Medication/m9", Assert.Single(server.Requests).PathAndQuery);
    }

    [Fact]
    public async Task Resolve_ReferencedMedicationInHandOrContained_IsNotRead()
    {
        await using var server = await FhirStandIn.StartAsync(context => FhirStandIn.WriteJson(context, Medication("x")));
        var (services, resolver) = Resolver();
        await using var _ = services;
        var bundle = Bundle(null, MedicationRequest("mr1", "Medication/m1"), Medication("m1"), MedicationRequest("mr2", "#med"), MedicationRequest("mr3", "https://elsewhere.example/fhir/Medication/m3"));

        var outcome = await resolver.ResolveAsync(Request(new() { ["medicationRequests"] = Bytes(bundle) }, server.Base, MedicationTemplates), CancellationToken.None);

        Assert.Equal(4, Assert.Single(outcome.Keys).Resources.Count);
        Assert.Contains(outcome.Resources, r => r is Medication { Id: "m1" });
        Assert.Equal(0, server.RequestCount);
    }
}
