namespace B12Cds.Cards.Tests.Support;

/// <summary>Paths of the test data copied to the output directory (see TestData/ORIGIN.md).</summary>
internal static class TestData
{
    public static string Root { get; } = Path.Combine(AppContext.BaseDirectory, "TestData");

    public static string SchemaPath { get; } = Path.Combine(Root, "fhir.schema.json");

    /// <summary>Gets the golden-file test's rules folder: fixture rules and parameters, and frozen copies of the value sets and regimens.</summary>
    public static string GoldenRules { get; } = Path.Combine(Root, "GoldenRules");

    public static string DosageReferenceExample { get; } = Path.Combine(Root, "cds-reference-2.6-dosage-instruction.json");
}
