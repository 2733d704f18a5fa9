namespace B12Cds.Cli.Tests.Rules;

/// <summary>
/// A temporary rules folder to edit freely: the repository's value sets, parameters and regimens, with DX-04 alone
/// (<see cref="Dx04Snapshot"/>) in <c>b12/diagnosis.yaml</c> and its scenarios beside it; and a copy of
/// <c>fhir-samples/</c> next to it, so the scenarios' bundle paths resolve. Deleted on dispose.
/// </summary>
internal sealed class RulesWorkspace : IDisposable
{
    private readonly TempFolder _temp = new();

    public RulesWorkspace()
    {
        try
        {
            Copy(Path.Combine(RulesCli.Rules, "valuesets"), Path.Combine(RulesFolder, "valuesets"));
            File.Copy(Path.Combine(RulesCli.Rules, "parameters.yaml"), PathOf("parameters.yaml"));
            File.Copy(Path.Combine(RulesCli.Rules, "regimens.yaml"), PathOf("regimens.yaml"));
            Directory.CreateDirectory(PathOf("b12"));
            File.WriteAllText(PathOf("b12/diagnosis.yaml"), Dx04Snapshot.Rules);
            File.WriteAllText(PathOf("b12/diagnosis.scenarios.yaml"), Dx04Snapshot.Scenarios);
            Copy(RulesCli.Samples, Path.Combine(_temp.Path, "fhir-samples"));
        }
        catch
        {
            _temp.Dispose();
            throw;
        }
    }

    /// <summary>Gets the rules folder.</summary>
    public string RulesFolder => Path.Combine(_temp.Path, "rules");

    /// <summary>Gets the full path of a file in the rules folder (<c>/</c>-separated relative path).</summary>
    public string PathOf(string relative) => Path.Combine(RulesFolder, relative.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>Replaces text in a rules file; the text must be there.</summary>
    public void Replace(string relative, string oldText, string newText)
    {
        var path = PathOf(relative);
        var text = File.ReadAllText(path);
        Assert.Contains(oldText, text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(oldText, newText, StringComparison.Ordinal));
    }

    /// <summary>Gets the 1-based line and column where <paramref name="text"/> first occurs in a rules file.</summary>
    public (int Line, int Column) Find(string relative, string text)
    {
        var lines = File.ReadAllLines(PathOf(relative));
        for (var i = 0; i < lines.Length; i++)
        {
            var column = lines[i].IndexOf(text, StringComparison.Ordinal);
            if (column >= 0)
            {
                return (i + 1, column + 1);
            }
        }

        throw new InvalidOperationException($"'{text}' is not in {relative}.");
    }

    public void Dispose() => _temp.Dispose();

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
