using System.Text.RegularExpressions;
using B12Cds.Rules.Loading;

namespace B12Cds.Rules.Tests.Hosting;

/// <summary>
/// A copy of the repository's rules/ folder in a temporary directory, deleted on dispose, with the edits the hot-reload
/// tests make: retitle the first rule of a rule file (valid) or add a misspelt key to it (invalid).
/// </summary>
internal sealed partial class TempRulesFolder : IDisposable
{
    private readonly string _original;

    private TempRulesFolder(string path, string ruleFile)
    {
        Path = path;
        RuleFile = ruleFile;
        _original = File.ReadAllText(ruleFile);
    }

    /// <summary>Gets the folder's full path.</summary>
    public string Path { get; }

    /// <summary>Gets the rule file the edits go to: the first file (by name) with a <c>rules:</c> list.</summary>
    public string RuleFile { get; }

    public static string RepoRoot => RepoPaths.Root;

    public static TempRulesFolder Create()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "b12cds-hosting-" + Guid.NewGuid().ToString("N"));
        CopyDirectory(System.IO.Path.Combine(RepoRoot, "rules"), path);
        var ruleFile = RuleSetLoader.RuleFiles(path).First(f => RulesLine().IsMatch(File.ReadAllText(f)));
        return new TempRulesFolder(path, ruleFile);
    }

    /// <summary>
    /// Writes <see cref="RuleFile"/> as it was copied, with the first rule's title set to <paramref name="title"/>;
    /// atomically (a temporary file renamed over it, as many editors save) or in place (truncate and write).
    /// </summary>
    public void SetFirstTitle(string title, bool atomic = true)
    {
        var lines = Split(_original);
        var (index, indent) = FirstTitle(lines);
        lines[index] = $"{indent}title: {title}";
        Write(lines, atomic);
    }

    /// <summary>Adds a misspelt key (<c>priorty</c>) after the first rule's title; returns the 1-based line and column of the bad key.</summary>
    public (int Line, int Column) BreakFirstRule()
    {
        var lines = Split(File.ReadAllText(RuleFile));
        var (index, indent) = FirstTitle(lines);
        lines.Insert(index + 1, $"{indent}priorty: 5");
        Write(lines, atomic: true);
        return (index + 2, indent.Length + 1);
    }

    /// <summary>Writes <see cref="RuleFile"/> back as it was copied.</summary>
    public void Restore() => Write(Split(_original), atomic: true);

    public void Dispose()
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            try
            {
                Directory.Delete(Path, recursive: true);
                return;
            }
            catch (DirectoryNotFoundException)
            {
                return;
            }
            catch (IOException) when (attempt < 4)
            {
                Thread.Sleep(50);
            }
        }
    }

    private static (int Index, string Indent) FirstTitle(List<string> lines)
    {
        var rules = lines.FindIndex(l => RulesLine().IsMatch(l));
        for (var i = rules + 1; i < lines.Count; i++)
        {
            if (TitleLine().Match(lines[i]) is { Success: true } m)
            {
                return (i, m.Groups[1].Value);
            }
        }

        throw new InvalidOperationException("The rule file has no rule with a title.");
    }

    private static List<string> Split(string text) => [.. text.Split('\n')];

    private void Write(List<string> lines, bool atomic)
    {
        var text = string.Join('\n', lines);
        if (!atomic)
        {
            File.WriteAllText(RuleFile, text);
            return;
        }

        var temporary = RuleFile + ".tmp";
        File.WriteAllText(temporary, text);
        File.Move(temporary, RuleFile, overwrite: true);
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, System.IO.Path.Combine(to, System.IO.Path.GetFileName(file)));
        }

        foreach (var dir in Directory.EnumerateDirectories(from))
        {
            CopyDirectory(dir, System.IO.Path.Combine(to, System.IO.Path.GetFileName(dir)));
        }
    }


    [GeneratedRegex(@"^rules:\s*$", RegexOptions.Multiline)]
    private static partial Regex RulesLine();

    [GeneratedRegex(@"^(\s+)title:\s")]
    private static partial Regex TitleLine();
}
