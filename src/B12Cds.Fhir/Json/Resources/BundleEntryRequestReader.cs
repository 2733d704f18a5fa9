using B12Cds.Fhir.Json.Datatypes;
using B12Cds.Fhir.Json.Reading;
using B12Cds.Fhir.Model;

namespace B12Cds.Fhir.Json.Resources;

/// <summary>Reads a <see cref="BundleEntryRequest"/>.</summary>
internal static class BundleEntryRequestReader
{
    /// <summary>Reads an entry's request object where the reader stands.</summary>
    public static BundleEntryRequest ReadRequest(ref FhirJsonReader reader)
    {
        DatatypeReading.ExpectObject(ref reader);
        string? method = null, url = null, ifNoneMatch = null, ifModifiedSince = null, ifMatch = null, ifNoneExist = null;
        var read = 0;
        List<string>? skipped = null;
        while (DatatypeReading.NextProperty(ref reader, out var name))
        {
            if (name.SequenceEqual("method"u8))
            {
                DatatypeReading.MarkRead(ref read, 0);
                method = DatatypeReading.String(ref reader);
            }
            else if (name.SequenceEqual("url"u8))
            {
                DatatypeReading.MarkRead(ref read, 1);
                url = DatatypeReading.String(ref reader);
            }
            else if (name.SequenceEqual("ifNoneMatch"u8))
            {
                DatatypeReading.MarkRead(ref read, 2);
                ifNoneMatch = DatatypeReading.String(ref reader);
            }
            else if (name.SequenceEqual("ifModifiedSince"u8))
            {
                DatatypeReading.MarkRead(ref read, 3);
                ifModifiedSince = DatatypeReading.String(ref reader);
            }
            else if (name.SequenceEqual("ifMatch"u8))
            {
                DatatypeReading.MarkRead(ref read, 4);
                ifMatch = DatatypeReading.String(ref reader);
            }
            else if (name.SequenceEqual("ifNoneExist"u8))
            {
                DatatypeReading.MarkRead(ref read, 5);
                ifNoneExist = DatatypeReading.String(ref reader);
            }
            else
            {
                DatatypeReading.SkipUnknown(ref reader, ref skipped);
            }
        }

        return new BundleEntryRequest { Method = method, Url = url, IfNoneMatch = ifNoneMatch, IfModifiedSince = ifModifiedSince, IfMatch = ifMatch, IfNoneExist = ifNoneExist };
    }
}
