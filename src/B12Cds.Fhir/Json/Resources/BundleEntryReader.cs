using B12Cds.Fhir.Json.Datatypes;
using B12Cds.Fhir.Json.Reading;
using B12Cds.Fhir.Model;

namespace B12Cds.Fhir.Json.Resources;

/// <summary>Reads a <see cref="BundleEntry"/>, its resource by <see cref="ResourceElements.ReadResource"/>.</summary>
internal static class BundleEntryReader
{
    /// <summary>Reads an entry object where the reader stands.</summary>
    public static BundleEntry ReadEntry(ref FhirJsonReader reader)
    {
        DatatypeReading.ExpectObject(ref reader);
        BundleLink[]? link = null;
        string? fullUrl = null;
        Resource? resource = null;
        BundleEntrySearch? search = null;
        BundleEntryRequest? request = null;
        BundleEntryResponse? response = null;
        var read = 0;
        List<string>? skipped = null;
        while (DatatypeReading.NextProperty(ref reader, out var name))
        {
            if (name.SequenceEqual("fullUrl"u8))
            {
                DatatypeReading.MarkRead(ref read, 0);
                fullUrl = DatatypeReading.String(ref reader);
            }
            else if (name.SequenceEqual("resource"u8))
            {
                DatatypeReading.MarkRead(ref read, 1);
                resource = DatatypeReading.Object(ref reader, ResourceElements.ReadResource);
            }
            else if (name.SequenceEqual("search"u8))
            {
                DatatypeReading.MarkRead(ref read, 2);
                search = DatatypeReading.Object(ref reader, BundleEntrySearchReader.ReadSearch);
            }
            else if (name.SequenceEqual("request"u8))
            {
                DatatypeReading.MarkRead(ref read, 3);
                request = DatatypeReading.Object(ref reader, BundleEntryRequestReader.ReadRequest);
            }
            else if (name.SequenceEqual("response"u8))
            {
                DatatypeReading.MarkRead(ref read, 4);
                response = DatatypeReading.Object(ref reader, BundleEntryResponseReader.ReadResponse);
            }
            else if (name.SequenceEqual("link"u8))
            {
                DatatypeReading.MarkRead(ref read, 5);
                link = DatatypeReading.Objects(ref reader, BundleLinkReader.ReadLink);
            }
            else
            {
                DatatypeReading.SkipUnknown(ref reader, ref skipped);
            }
        }

        return new BundleEntry { Link = link ?? [], FullUrl = fullUrl, Resource = resource, Search = search, Request = request, Response = response };
    }
}
