using B12Cds.Fhir.Json.Datatypes;
using B12Cds.Fhir.Json.Reading;
using B12Cds.Fhir.Model;

namespace B12Cds.Fhir.Json.Resources;

/// <summary>Reads a <see cref="BundleLink"/> (a Bundle's, or an entry's).</summary>
internal static class BundleLinkReader
{
    /// <summary>Reads a link object where the reader stands.</summary>
    public static BundleLink ReadLink(ref FhirJsonReader reader)
    {
        DatatypeReading.ExpectObject(ref reader);
        string? relation = null, url = null;
        var read = 0;
        List<string>? skipped = null;
        while (DatatypeReading.NextProperty(ref reader, out var name))
        {
            if (name.SequenceEqual("relation"u8))
            {
                DatatypeReading.MarkRead(ref read, 0);
                relation = DatatypeReading.String(ref reader);
            }
            else if (name.SequenceEqual("url"u8))
            {
                DatatypeReading.MarkRead(ref read, 1);
                url = DatatypeReading.String(ref reader);
            }
            else
            {
                DatatypeReading.SkipUnknown(ref reader, ref skipped);
            }
        }

        return new BundleLink { Relation = relation, Url = url };
    }
}
