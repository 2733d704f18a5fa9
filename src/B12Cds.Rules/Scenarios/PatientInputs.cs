using B12Cds.Fhir.Diagnostics;
using B12Cds.Fhir.Json;

namespace B12Cds.Rules.Scenarios;

/// <summary>
/// The patients of a simulation: every <c>.json</c> file under a folder (recursively, in path order, one Bundle or
/// resource each, or a captured CDS Hooks request read as its prefetch), or one Bundle (or request) per line of an
/// <c>.ndjson</c> file (blank lines skipped). Both stream: nothing is
/// read before it is evaluated.
/// </summary>
public static class PatientInputs
{
    private static readonly FhirJsonParser Parser = new();

    /// <summary>Opens a folder, an <c>.ndjson</c> file or a single <c>.json</c> file; returns null when <paramref name="path"/> is none of them.</summary>
    public static (IEnumerable<PatientInput> Patients, int Count)? Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            var files = JsonFiles(path);
            return (FromFiles(path, files), files.Count);
        }

        if (!File.Exists(path))
        {
            return null;
        }

        if (path.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
        {
            return (FromNdjson(path), File.ReadLines(path).Count(l => !string.IsNullOrWhiteSpace(l)));
        }

        return (FromFiles(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", [Path.GetFullPath(path)]), 1);
    }

    /// <summary>The <c>.json</c> files under a folder, recursively, in path order.</summary>
    public static IReadOnlyList<string> JsonFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();

    /// <summary>One patient per file, named by its path relative to <paramref name="folder"/>.</summary>
    public static IEnumerable<PatientInput> FromFiles(string folder, IEnumerable<string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        foreach (var file in files)
        {
            yield return new PatientInput(Path.GetRelativePath(folder, file).Replace('\\', '/'), () => ReadFile(file));
        }
    }

    /// <summary>One patient per non-blank line of an NDJSON file, named <c>file.ndjson:line</c>.</summary>
    public static IEnumerable<PatientInput> FromNdjson(string file)
    {
        var name = Path.GetFileName(file);
        var number = 0;
        foreach (var line in File.ReadLines(file))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var text = line;
            yield return new PatientInput($"{name}:{number}", () => OrHookRequest(Parser.Parse(text), () => System.Text.Encoding.UTF8.GetBytes(text)));
        }
    }

    /// <summary>What was read, unless it is not a FHIR resource but a captured CDS Hooks request: then its prefetch.</summary>
    private static FhirParseResult OrHookRequest(FhirParseResult parsed, Func<byte[]> utf8Json) =>
        !parsed.IsReadable && parsed.Issues.All(i => i.Id != IssueIds.TooLarge) && HookRequestInput.TryRead(utf8Json(), Parser, out var fromHook)
            ? fromHook
            : parsed;

    private static FhirParseResult ReadFile(string file)
    {
        try
        {
            return OrHookRequest(Parser.ParseFile(file), () => File.ReadAllBytes(file));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new FhirParseResult { Issues = [new FhirIssue("IO", IssueSeverity.Fatal, "exception", $"The file cannot be read: {ex.Message}")] };
        }
    }
}
