using B12Cds.Fhir.Json.Datatypes;
using B12Cds.Fhir.Json.Reading;
using B12Cds.Fhir.Model;

namespace B12Cds.Fhir.Json.Resources;

/// <summary>Reads a <see cref="BundleEntryResponse"/>, its outcome by <see cref="ResourceElements.ReadResource"/>.</summary>
internal static class BundleEntryResponseReader
{
    /// <summary>Reads an entry's response object where the reader stands.</summary>
    public static BundleEntryResponse ReadResponse(ref FhirJsonReader reader)
    {
        DatatypeReading.ExpectObject(ref reader);
        string? status = null, location = null, etag = null;
        FhirDateTime? lastModified = null;
        Resource? outcome = null;
        var read = 0;
        List<string>? skipped = null;
        while (DatatypeReading.NextProperty(ref reader, out var name))
        {
            if (name.SequenceEqual("status"u8))
            {
                DatatypeReading.MarkRead(ref read, 0);
                status = DatatypeReading.String(ref reader);
            }
            else if (name.SequenceEqual("location"u8))
            {
                DatatypeReading.MarkRead(ref read, 1);
                location = DatatypeReading.String(ref reader);
            }
            else if (name.SequenceEqual("etag"u8))
            {
                DatatypeReading.MarkRead(ref read, 2);
                etag = DatatypeReading.String(ref reader);
            }
            else if (name.SequenceEqual("lastModified"u8))
            {
                DatatypeReading.MarkRead(ref read, 3);
                lastModified = DatatypeReading.DateTime(ref reader);
            }
            else if (name.SequenceEqual("outcome"u8))
            {
                DatatypeReading.MarkRead(ref read, 4);
                outcome = DatatypeReading.Object(ref reader, ResourceElements.ReadResource);
            }
            else
            {
                DatatypeReading.SkipUnknown(ref reader, ref skipped);
            }
        }

        return new BundleEntryResponse { Status = status, Location = location, Etag = etag, LastModified = lastModified, Outcome = outcome };
    }
}
