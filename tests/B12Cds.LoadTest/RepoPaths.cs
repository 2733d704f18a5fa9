namespace B12Cds.LoadTest;

/// <summary>Finds the repository's <c>fhir-samples/</c> and <c>rules/</c> above the working folder or the program.</summary>
public static class RepoPaths
{
    /// <summary>The nearest folder named <paramref name="name"/> above the working folder, else above the program.</summary>
    public static string? FindUp(string name)
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, name);
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
