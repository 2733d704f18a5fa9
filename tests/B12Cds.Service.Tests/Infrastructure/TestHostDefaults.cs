using Microsoft.AspNetCore.Hosting;

namespace B12Cds.Service.Tests.Infrastructure;

/// <summary>
/// What every test host needs: the shipped rules, and a SQLite store in a folder of its own under this test run's
/// temp folder (never in the repository), which is deleted when the test process ends.
/// </summary>
public static class TestHostDefaults
{
    private static readonly string RunFolder = CreateRunFolder();

    /// <summary>Sets the rules folder and a fresh data folder on <paramref name="builder"/>.</summary>
    public static IWebHostBuilder UseTestDefaults(this IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .UseSetting("B12Cds:RulesDirectory", RepoPaths.Rules)
            .UseSetting("B12Cds:DataDirectory", NewDataDirectory());
    }

    /// <summary>Returns a new, empty data folder path under this run's temp folder.</summary>
    public static string NewDataDirectory() => Path.Combine(RunFolder, Guid.NewGuid().ToString("N"));

    private static string CreateRunFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"b12cds-service-tests-{Environment.ProcessId}");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still open at exit; the OS temp cleaner takes it.
            }
        };
        return folder;
    }
}
