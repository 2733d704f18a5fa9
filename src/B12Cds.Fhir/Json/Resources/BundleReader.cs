using B12Cds.Fhir.Json.Datatypes;
using B12Cds.Fhir.Json.Reading;
using B12Cds.Fhir.Model;

namespace B12Cds.Fhir.Json.Resources;

/// <summary>
/// Reads a <see cref="Bundle"/>. Each entry's resource is read by <see cref="ResourceElements.ReadResource"/>, and its
/// offset is shifted to count from the Bundle's start afterwards, as for any resource that holds others.
/// </summary>
internal static class BundleReader
{
    private static readonly ElementTable Elements = ElementTable.Of<Element>(ResourceElements.ResourceNames);

    private enum Element
    {
        Identifier,
        Type,
        Timestamp,
        Total,
        Link,
        Entry,
    }

    /// <summary>Reads a Bundle object where the reader stands.</summary>
    public static Bundle ReadBundle(ref FhirJsonReader reader)
    {
        DatatypeReading.ExpectObject(ref reader);
        var common = default(ResourceElements);
        Identifier? identifier = null;
        string? type = null;
        FhirDateTime? timestamp = null;
        int? total = null;
        BundleLink[]? link = null;
        BundleEntry[]? entry = null;
        long read = 0;
        List<string>? skipped = null;
        while (DatatypeReading.NextElement(ref reader, Elements, ref read, ref skipped, out var index))
        {
            if (common.TryRead(index, ResourceElements.ResourceCount, ref reader))
            {
                continue;
            }

            switch ((Element)(index - ResourceElements.ResourceCount))
            {
                case Element.Identifier:
                    identifier = DatatypeReading.Object(ref reader, IdentifierReader.ReadIdentifier);
                    break;
                case Element.Type:
                    type = DatatypeReading.String(ref reader);
                    break;
                case Element.Timestamp:
                    timestamp = DatatypeReading.DateTime(ref reader);
                    break;
                case Element.Total:
                    total = DatatypeReading.Integer(ref reader);
                    break;
                case Element.Link:
                    link = DatatypeReading.Objects(ref reader, BundleLinkReader.ReadLink);
                    break;
                case Element.Entry:
                    entry = DatatypeReading.Objects(ref reader, BundleEntryReader.ReadEntry);
                    break;
            }
        }

        return new Bundle
        {
            Id = common.Id,
            Meta = common.Meta,
            ImplicitRules = common.ImplicitRules,
            Language = common.Language,
            Identifier = identifier,
            Type = type,
            Timestamp = timestamp,
            Total = total,
            Link = link ?? [],
            Entry = entry ?? [],
        };
    }
}
