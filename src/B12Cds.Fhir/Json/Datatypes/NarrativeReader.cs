using System.Text.Json;
using B12Cds.Fhir.Model;

namespace B12Cds.Fhir.Json.Datatypes;

/// <summary>Reads a <see cref="Narrative"/> (EHR exports carry one on every resource).</summary>
internal sealed class NarrativeReader : DatatypeReader<Narrative>
{
    /// <inheritdoc/>
    public override Narrative Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadNarrative(ref reader, options);

    /// <summary>Reads a Narrative object where the reader stands.</summary>
    public static Narrative ReadNarrative(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        DatatypeReading.ExpectObject(ref reader);
        string? status = null, div = null;
        var read = 0;
        List<string>? skipped = null;
        while (DatatypeReading.NextProperty(ref reader, out var name))
        {
            if (name.SequenceEqual("status"u8))
            {
                DatatypeReading.MarkRead(ref read, 0);
                status = DatatypeReading.String(ref reader);
            }
            else if (name.SequenceEqual("div"u8))
            {
                DatatypeReading.MarkRead(ref read, 1);
                div = DatatypeReading.String(ref reader);
            }
            else
            {
                DatatypeReading.SkipUnknown(ref reader, ref skipped);
            }
        }

        return new Narrative { Status = status, Div = div };
    }
}
