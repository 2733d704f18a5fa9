using System.Runtime.CompilerServices;
using B12Cds.Fhir.Json.Datatypes;
using B12Cds.Fhir.Json.Reading;
using B12Cds.Fhir.Model;

namespace B12Cds.Fhir.Json.Resources;

/// <summary>
/// The elements every resource has (<see cref="Resource"/>'s, and <see cref="DomainResource"/>'s for a domain
/// resource), gathered while a resource's own reader reads the rest. In a resource reader's
/// <see cref="ElementTable"/> they come first, in the order of <see cref="ResourceNames"/> or <see cref="DomainResourceNames"/>.
/// </summary>
internal struct ResourceElements
{
    /// <summary>The names of <see cref="Resource"/>'s elements, <c>resourceType</c> first.</summary>
    public static readonly IReadOnlyList<string> ResourceNames = ["resourceType", "id", "meta", "implicitRules", "language"];

    /// <summary>The names of <see cref="DomainResource"/>'s elements, <see cref="ResourceNames"/> first.</summary>
    public static readonly IReadOnlyList<string> DomainResourceNames = [.. ResourceNames, "text", "contained", "extension", "modifierExtension"];

    /// <summary>The number of <see cref="Resource"/>'s elements.</summary>
    public const int ResourceCount = 5;

    /// <summary>The number of <see cref="DomainResource"/>'s elements.</summary>
    public const int DomainResourceCount = 9;

    public string? Id;
    public Meta? Meta;
    public string? ImplicitRules;
    public string? Language;
    public Narrative? Text;
    public Resource[]? Contained;
    public Extension[]? Extension;
    public Extension[]? ModifierExtension;

    /// <summary>
    /// Reads element number <paramref name="index"/> of a resource's <see cref="ElementTable"/> if it is one of these
    /// (the reader then stands on its value's last token); false for one of the resource's own elements.
    /// </summary>
    /// <param name="index">The element's index in the resource's table.</param>
    /// <param name="inherited">How many of these the table starts with: <see cref="ResourceCount"/> or <see cref="DomainResourceCount"/>.</param>
    /// <param name="reader">The reader, on the element's name.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryRead(int index, int inherited, ref FhirJsonReader reader) => index < inherited && Read(index, ref reader);

    private bool Read(int index, ref FhirJsonReader reader)
    {
        switch (index)
        {
            case 0:
                // resourceType: read already (it chose this reader).
                reader.Read();
                reader.Skip();
                return true;
            case 1:
                Id = DatatypeReading.String(ref reader);
                return true;
            case 2:
                Meta = DatatypeReading.Object(ref reader, MetaReader.ReadMeta);
                return true;
            case 3:
                ImplicitRules = DatatypeReading.String(ref reader);
                return true;
            case 4:
                Language = DatatypeReading.String(ref reader);
                return true;
            case 5:
                Text = DatatypeReading.Object(ref reader, NarrativeReader.ReadNarrative);
                return true;
            case 6:
                Contained = DatatypeReading.Objects(ref reader, ReadResource);
                return true;
            case 7:
                Extension = DatatypeReading.Objects(ref reader, ExtensionReader.ReadExtension);
                return true;
            case 8:
                ModifierExtension = DatatypeReading.Objects(ref reader, ExtensionReader.ReadExtension);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Reads a nested resource (contained, a Bundle entry's, a response's outcome), choosing its reader by its type.</summary>
    public static Resource ReadResource(ref FhirJsonReader reader) => DocumentReading.ReadResource(ref reader);
}
