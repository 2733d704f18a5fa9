namespace B12Cds.Fhir.Model;

/// <summary>A concept as one or more codings plus free text (FHIR <c>CodeableConcept</c>).</summary>
public sealed record CodeableConcept
{
    public IReadOnlyList<Coding> Coding { get; init => field = FhirList.Clean(value); } = [];

    public string? Text { get; init; }

    /// <summary>Gets the first code in <paramref name="system"/>, if any.</summary>
    public string? CodeIn(string system)
    {
        foreach (var c in Coding)
        {
            if (string.Equals(c.System, system, StringComparison.Ordinal))
            {
                return c.Code;
            }
        }

        return null;
    }

    /// <summary>Gets the text, else the first coding's display, else its code: a label for people.</summary>
    public string? Label()
    {
        if (!string.IsNullOrWhiteSpace(Text))
        {
            return Text;
        }

        foreach (var c in Coding)
        {
            if (!string.IsNullOrWhiteSpace(c.Display))
            {
                return c.Display;
            }
        }

        return Coding.Count > 0 ? Coding[0].Code : null;
    }
}
