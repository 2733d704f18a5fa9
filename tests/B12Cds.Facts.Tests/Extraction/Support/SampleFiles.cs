
namespace B12Cds.Facts.Tests.Extraction.Support;

/// <summary>The shipped sample bundles (<c>fhir-samples/*.json</c>), read where they are edited, and the official R4 examples.</summary>
internal static class SampleFiles
{
    /// <summary>Gets the <c>fhir-samples</c> directory.</summary>
    public static string Directory => Path.Combine(RepoPaths.Root, "fhir-samples");

    /// <summary>Gets the official R4 examples copied for the FHIR tests (TestData/r4-examples in B12Cds.Fhir.Tests).</summary>
    public static string OfficialExamplesDirectory => Path.Combine(RepoPaths.Root, "tests", "B12Cds.Fhir.Tests", "TestData", "r4-examples");

    /// <summary>Gets the schema copy linked into this project's output.</summary>
    public static string SchemaPath => Path.Combine(AppContext.BaseDirectory, "TestData", "fhir.schema.json");

    /// <summary>Gets the full path of a sample.</summary>
    public static string Sample(string fileName) => Path.Combine(Directory, fileName);

    /// <summary>Gets the file names of every sample, in ordinal order.</summary>
    public static IReadOnlyList<string> SampleNames() =>
        System.IO.Directory.EnumerateFiles(Directory, "*.json").Select(p => Path.GetFileName(p)).Order(StringComparer.Ordinal).ToList();

    /// <summary>Gets the file names of every official example, in ordinal order (none when the folder is not there).</summary>
    public static IReadOnlyList<string> OfficialExampleNames() =>
        System.IO.Directory.Exists(OfficialExamplesDirectory)
            ? System.IO.Directory.EnumerateFiles(OfficialExamplesDirectory, "*.json").Select(p => Path.GetFileName(p)).Order(StringComparer.Ordinal).ToList()
            : [];
}
