using System.Diagnostics;
using System.Runtime.InteropServices;

namespace B12Cds.LoadTest;

/// <summary>
/// Sleeps for less than a millisecond where the OS can (Linux and macOS <c>usleep</c>, typically 60–100 µs late),
/// so the open-loop dispatcher keeps its timetable without spinning a core the service needs.
/// Elsewhere it falls back to <see cref="Thread.Sleep(int)"/> (a millisecond or more).
/// </summary>
internal static partial class PreciseSleep
{
    private static bool _native = OperatingSystem.IsLinux() || OperatingSystem.IsMacOS();

    /// <summary>Sleeps about <paramref name="ticks"/> <see cref="Stopwatch"/> ticks (at least one microsecond).</summary>
    public static void For(long ticks)
    {
        var micros = (uint)Math.Clamp(ticks * 1_000_000 / Stopwatch.Frequency, 1, 1_000_000);
        if (_native)
        {
            try
            {
                _ = NativeMethods.usleep(micros);
                return;
            }
            catch (DllNotFoundException)
            {
                _native = false;
            }
            catch (EntryPointNotFoundException)
            {
                _native = false;
            }
        }

        Thread.Sleep(Math.Max(1, (int)(micros / 1000)));
    }

    private static class NativeMethods
    {
        [DllImport("libc", SetLastError = false)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        [System.Diagnostics.CodeAnalysis.SuppressMessage("Style", "IDE1006:Naming Styles", Justification = "The C library's name.")]
        public static extern int usleep(uint microseconds);
    }
}
