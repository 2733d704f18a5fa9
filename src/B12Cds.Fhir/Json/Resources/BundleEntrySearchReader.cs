using B12Cds.Fhir.Json.Datatypes;
using B12Cds.Fhir.Json.Reading;
using B12Cds.Fhir.Model;

namespace B12Cds.Fhir.Json.Resources;

/// <summary>Reads a <see cref="BundleEntrySearch"/>.</summary>
internal static class BundleEntrySearchReader
{
    /// <summary>Reads an entry's search object where the reader stands.</summary>
    public static BundleEntrySearch ReadSearch(ref FhirJsonReader reader)
    {
        DatatypeReading.ExpectObject(ref reader);
        string? mode = null;
        decimal? score = null;
        var read = 0;
        List<string>? skipped = null;
        while (DatatypeReading.NextProperty(ref reader, out var name))
        {
            if (name.SequenceEqual("mode"u8))
            {
                DatatypeReading.MarkRead(ref read, 0);
                mode = DatatypeReading.String(ref reader);
            }
            else if (name.SequenceEqual("score"u8))
            {
                DatatypeReading.MarkRead(ref read, 1);
                score = DatatypeReading.PlainDecimal(ref reader);
            }
            else
            {
                DatatypeReading.SkipUnknown(ref reader, ref skipped);
            }
        }

        return new BundleEntrySearch { Mode = mode, Score = score };
    }
}
