namespace B12Cds.Facts.Extraction;

/// <summary>The value-set domains each kind of resource is matched against (see <c>rules/valuesets/README.md</c>).</summary>
internal static class Domains
{
    public const string Finding = "finding";
    public const string Procedure = "procedure";
    public const string Medication = "medication";
    public const string Allergy = "allergy";
    public const string Route = "route";
    public const string Result = "result";
}
