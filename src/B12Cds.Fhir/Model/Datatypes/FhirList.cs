namespace B12Cds.Fhir.Model;

/// <summary>Keeps repeating elements FHIR-shaped: never null, and never holding a null item (FHIR JSON has none outside primitive arrays).</summary>
internal static class FhirList
{
    /// <summary>Returns the list, an empty one for null, or a copy without its null items.</summary>
    public static IReadOnlyList<T> Clean<T>(IReadOnlyList<T>? items)
    {
        if (items is null)
        {
            return [];
        }

        // What the parser reads: an array of objects (any array of a reference type is an object[]), checked without
        // an interface call per item.
        if (items is object?[] array)
        {
            foreach (var item in array)
            {
                if (item is null)
                {
                    return items.Where(x => x is not null).ToArray();
                }
            }

            return items;
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is null)
            {
                return items.Where(x => x is not null).ToArray();
            }
        }

        return items;
    }
}
