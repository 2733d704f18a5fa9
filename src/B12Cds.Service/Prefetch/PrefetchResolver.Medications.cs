using System.Globalization;
using B12Cds.Fhir.Model;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace B12Cds.Service.Prefetch;

/// <summary>
/// Reads the Medications that medication orders, statements and administrations refer to (<c>medicationReference</c>)
/// when they are not in hand: without them a B12 product or metformin is known only by the reference's display text.
/// An instance read (<c>Medication/{id}</c>) is in the CDS Hooks recommended subset; <c>_include</c> is not, so the
/// templates do not rely on it.
/// </summary>
public sealed partial class PrefetchResolver
{
    private static readonly PrefetchArea[] MedicationAreas = [PrefetchArea.MedicationRequests, PrefetchArea.MedicationStatements, PrefetchArea.MedicationAdministrations];

    private async Task<PrefetchKeyResult[]> AddReferencedMedicationsAsync(PrefetchKeyResult[] results, Uri server, string? token, string callId, long started, CancellationToken deadline)
    {
        var inHand = results.SelectMany(r => r.Resources).OfType<Medication>().Select(m => m.Id).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var wantedByKey = new Dictionary<int, IReadOnlyList<string>>();
        for (var i = 0; i < results.Length; i++)
        {
            if (results[i].HasData && MedicationAreas.Contains(results[i].Area))
            {
                var ids = results[i].Resources.Select(r => MedicationId(r, server)).OfType<string>().Where(id => !inHand.Contains(id)).Distinct(StringComparer.Ordinal).ToList();
                if (ids.Count > 0)
                {
                    wantedByKey[i] = ids;
                }
            }
        }

        var wanted = wantedByKey.Values.SelectMany(ids => ids).Distinct(StringComparer.Ordinal).Take(_options.MaxMedicationReads).ToList();
        if (wanted.Count == 0)
        {
            return results;
        }

        var reads = wanted.ToDictionary(id => id, id => ReadMedicationAsync(server, id, token, deadline), StringComparer.Ordinal);
        try
        {
            await Task.WhenAll(reads.Values).WaitAsync(deadline).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            PrefetchLog.DeadlinePassed(_logger, callId, reads.Values.Count(t => !t.IsCompleted), ElapsedMs(started));
        }

        var updated = (PrefetchKeyResult[])results.Clone();
        foreach (var (index, ids) in wantedByKey)
        {
            var found = ids.Select(id => reads.TryGetValue(id, out var t) && t.IsCompletedSuccessfully ? t.Result : null).OfType<Medication>().ToList();
            var missing = ids.Count - found.Count;
            var problem = missing == 0
                ? results[index].Problem
                : string.Join("; ", new[] { results[index].Problem, $"{missing.ToString(CultureInfo.InvariantCulture)} referenced Medication(s) could not be read: matched by their display text only" }.OfType<string>());
            updated[index] = results[index] with { Entries = [.. results[index].Entries, .. found.Select(m => new BundleEntry { Resource = m })], Problem = problem };
        }

        return updated;
    }

    /// <summary>The id of the Medication a medication resource refers to on <paramref name="server"/>; null for a code, a contained or bundle-local reference, or another server.</summary>
    private static string? MedicationId(Resource resource, Uri server)
    {
        var reference = resource switch
        {
            MedicationRequest m => m.MedicationReference?.ReferenceValue,
            MedicationStatement m => m.MedicationReference?.ReferenceValue,
            MedicationAdministration m => m.MedicationReference?.ReferenceValue,
            _ => null,
        };
        if (reference is null || reference.StartsWith('#') || !Uri.TryCreate(server, reference, out var uri) || !IsOnServer(uri, server))
        {
            return null;
        }

        var segments = uri.AbsolutePath.TrimEnd('/').Split('/');
        var at = Array.LastIndexOf(segments, "Medication");
        return at >= 0 && at == segments.Length - 2 && segments[^1].Length > 0 && uri.Query.Length == 0 ? Uri.UnescapeDataString(segments[^1]) : null;
    }

    /// <summary>Reads one Medication; null on any failure (the reference's display text is then all there is).</summary>
    private async Task<Medication?> ReadMedicationAsync(Uri server, string id, string? token, CancellationToken deadline)
    {
        try
        {
            var client = _httpClientFactory.CreateClient(HttpClientName);
            using var response = await _pipelines.For(server).ExecuteAsync(
                static (state, ct) => SendAsync(state.Client, state.Uri, state.Token, state.MaxBytes, ct),
                (Client: client, Uri: Resolve(server, $"Medication/{Uri.EscapeDataString(id)}"), Token: token, MaxBytes: _options.MaxResponseBytes),
                deadline).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode || response.Content is not ByteArrayContent)
            {
                return null;
            }

            var body = await response.Content.ReadAsByteArrayAsync(deadline).ConfigureAwait(false);
            return PrefetchReader.ReadMedication(body, id);
        }
        catch (Exception ex) when (ex is OperationCanceledException or BrokenCircuitException or TimeoutRejectedException or ResponseTooLargeException or HttpRequestException or IOException)
        {
            return null;
        }
    }
}
