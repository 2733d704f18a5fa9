namespace B12Cds.Fhir.Tests.Support;

/// <summary>Paths of the test data copied to the output directory (see TestData/ORIGIN.md); nothing outside it is read.</summary>
internal static class TestFiles
{
    /// <summary>The number of official R4 examples copied from the shared folder.</summary>
    public const int ExampleCount = 249;

    public static string Root { get; } = Path.Combine(AppContext.BaseDirectory, "TestData");

    public static string ExamplesDirectory { get; } = Path.Combine(Root, "r4-examples");

    public static string SchemaPath { get; } = Path.Combine(Root, "fhir.schema.json");

    public static string Example(string fileName) => Path.Combine(ExamplesDirectory, fileName);

    public static byte[] ReadExample(string fileName) => File.ReadAllBytes(Example(fileName));

    /// <summary>Gets the file names of every official example, in ordinal order.</summary>
    public static IReadOnlyList<string> ExampleFileNames() =>
        Directory.EnumerateFiles(ExamplesDirectory, "*.json")
            .Select(path => Path.GetFileName(path))
            .Order(StringComparer.Ordinal)
            .ToList();
}
