using B12Cds.Fhir.Model;

namespace B12Cds.Cli;

/// <summary>Reads <c>--at</c>: a FHIR date or dateTime; by default, now.</summary>
internal static class EvaluationTime
{
    public static bool TryRead(string? text, TimeProvider time, out DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            at = time.GetUtcNow();
            return true;
        }

        if (FhirDateTime.TryParse(text, out var parsed))
        {
            at = parsed.Start;
            return true;
        }

        at = default;
        return false;
    }
}
