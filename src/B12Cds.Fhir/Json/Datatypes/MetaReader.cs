using B12Cds.Fhir.Json.Reading;
using B12Cds.Fhir.Model;

namespace B12Cds.Fhir.Json.Datatypes;

/// <summary>Reads a resource's <see cref="Meta"/> (EHR exports carry one on every resource).</summary>
internal static class MetaReader
{
    /// <summary>Reads a Meta object where the reader stands.</summary>
    public static Meta ReadMeta(ref FhirJsonReader reader)
    {
        DatatypeReading.ExpectObject(ref reader);
        string? versionId = null, source = null;
        FhirDateTime? lastUpdated = null;
        string[]? profile = null;
        Coding[]? security = null, tag = null;
        var read = 0;
        List<string>? skipped = null;
        while (DatatypeReading.NextProperty(ref reader, out var name))
        {
            if (name.SequenceEqual("versionId"u8))
            {
                DatatypeReading.MarkRead(ref read, 0);
                versionId = DatatypeReading.String(ref reader);
            }
            else if (name.SequenceEqual("lastUpdated"u8))
            {
                DatatypeReading.MarkRead(ref read, 1);
                lastUpdated = DatatypeReading.DateTime(ref reader);
            }
            else if (name.SequenceEqual("source"u8))
            {
                DatatypeReading.MarkRead(ref read, 2);
                source = DatatypeReading.String(ref reader);
            }
            else if (name.SequenceEqual("profile"u8))
            {
                DatatypeReading.MarkRead(ref read, 3);
                profile = DatatypeReading.Strings(ref reader);
            }
            else if (name.SequenceEqual("security"u8))
            {
                DatatypeReading.MarkRead(ref read, 4);
                security = DatatypeReading.Codings(ref reader);
            }
            else if (name.SequenceEqual("tag"u8))
            {
                DatatypeReading.MarkRead(ref read, 5);
                tag = DatatypeReading.Codings(ref reader);
            }
            else
            {
                DatatypeReading.SkipUnknown(ref reader, ref skipped);
            }
        }

        return new Meta { VersionId = versionId, LastUpdated = lastUpdated, Source = source, Profile = profile ?? [], Security = security ?? [], Tag = tag ?? [] };
    }
}
