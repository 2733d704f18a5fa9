using System.Runtime.CompilerServices;

namespace B12Cds.Fhir.Model;

/// <summary>Keeps repeating elements FHIR-shaped: never null, and never holding a null item (FHIR JSON has none outside primitive arrays).</summary>
internal static class FhirList
{
    /// <summary>Returns the list, an empty one for null, or a copy without its null items.</summary>
    /// <remarks>
    /// Every list property of the model runs this as it is set, so the commonest case is inlined there: an empty
    /// array, or an array with no null in it. Inlined, <typeparamref name="T"/> is known, and testing for an array of
    /// exactly that type is one comparison (a test for <c>object[]</c> would need the runtime's cast helper).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static IReadOnlyList<T> Clean<T>(IReadOnlyList<T>? items) =>
        items is T[] array && (array.Length == 0 || !HasNull(array)) ? items : CleanAny(items);

    private static bool HasNull<T>(T[] items)
    {
        foreach (var item in items)
        {
            if (item is null)
            {
                return true;
            }
        }

        return false;
    }

    private static IReadOnlyList<T> CleanAny<T>(IReadOnlyList<T>? items)
    {
        if (items is null)
        {
            return [];
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
