namespace B12Cds.Cards.Tests.Support;

/// <summary>
/// A rules folder for the command line, in a temporary directory deleted on dispose: the real value sets and regimen
/// table with the fixture rules and parameters (TestData/GoldenRules), and/or rule files given by the test.
/// </summary>
internal sealed class TempRulesFolder : IDisposable
{
    private TempRulesFolder(string path)
    {
        Path = path;
    }

    public string Path { get; }

    /// <summary>Creates the folder: real value sets and regimens, then the fixture files, then <paramref name="extraFiles"/> (relative path, text).</summary>
    public static TempRulesFolder Create(bool withFixtureRules = true, params (string RelativePath, string Text)[] extraFiles)
    {
        var root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"b12cds-cards-tests-{Guid.NewGuid():N}");
        var folder = new TempRulesFolder(root);
        var valueSets = Directory.CreateDirectory(System.IO.Path.Combine(root, "valuesets"));
        foreach (var file in Directory.EnumerateFiles(RepoPaths.ValueSets))
        {
            File.Copy(file, System.IO.Path.Combine(valueSets.FullName, System.IO.Path.GetFileName(file)));
        }

        File.Copy(System.IO.Path.Combine(RepoPaths.Rules, "regimens.yaml"), System.IO.Path.Combine(root, "regimens.yaml"));
        File.Copy(System.IO.Path.Combine(TestData.GoldenRules, "parameters.yaml"), System.IO.Path.Combine(root, "parameters.yaml"));
        Directory.CreateDirectory(System.IO.Path.Combine(root, "b12"));
        if (withFixtureRules)
        {
            File.Copy(System.IO.Path.Combine(TestData.GoldenRules, "b12", "treatment.yaml"), System.IO.Path.Combine(root, "b12", "treatment.yaml"));
        }

        foreach (var (relative, text) in extraFiles)
        {
            File.WriteAllText(System.IO.Path.Combine(root, relative), text);
        }

        return folder;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temporary folder left behind is harmless.
        }
    }
}
