namespace B12Cds.LoadTest;

/// <summary>The outcome of one measured run.</summary>
public sealed class RunResult
{
    /// <summary>Gets how the run was driven, e.g. <c>open loop at 1000 req/s</c>.</summary>
    public required string Mode { get; init; }

    /// <summary>Gets the target rate of an open-loop run (null for a closed-loop run).</summary>
    public double? TargetRate { get; init; }

    /// <summary>Gets the concurrency of a closed-loop run (null for an open-loop run).</summary>
    public int? Concurrency { get; init; }

    /// <summary>Gets the number of requests asked for.</summary>
    public required int Requested { get; init; }

    /// <summary>Gets the number of requests that completed (with any outcome).</summary>
    public required int Completed { get; init; }

    /// <summary>Gets the number of 200 responses whose body held a <c>cards</c> member.</summary>
    public required int Succeeded { get; init; }

    /// <summary>Gets the failures by kind: <c>HTTP 503</c>, <c>no cards member</c>, <c>timeout</c>, <c>ConnectionError</c>…</summary>
    public required IReadOnlyDictionary<string, int> Errors { get; init; }

    /// <summary>Gets the wall-clock seconds from the first due time to the last completion.</summary>
    public required double Seconds { get; init; }

    /// <summary>Gets the response bytes read.</summary>
    public required long ResponseBytes { get; init; }

    /// <summary>Gets the request body bytes sent.</summary>
    public required long RequestBytes { get; init; }

    /// <summary>Gets the latency from the due time (open loop) or the send (closed loop) to the end of the response.</summary>
    public required LatencySummary Latency { get; init; }

    /// <summary>Gets the latency from the actual send to the end of the response (what the client saw on the wire).</summary>
    public required LatencySummary ServiceTime { get; init; }

    /// <summary>Gets how late the client sent each request after its due time (open loop; zero for closed loop).</summary>
    public required LatencySummary DispatchLag { get; init; }

    /// <summary>Gets the CPU seconds the load tool itself used during the run.</summary>
    public double ClientCpuSeconds { get; init; }

    /// <summary>Gets the CPU seconds the service used during the run (when the tool started it).</summary>
    public double? ServiceCpuSeconds { get; set; }

    /// <summary>Gets the service's memory after the run (when the tool started it).</summary>
    public ProcessMemory? ServiceMemoryAfter { get; set; }

    /// <summary>Gets the requests completed per second.</summary>
    public double Throughput => Seconds <= 0 ? 0 : Completed / Seconds;

    /// <summary>Gets the number of failed requests.</summary>
    public int Failed => Completed - Succeeded;
}

/// <summary>Memory of a process from <c>/proc/&lt;pid&gt;/status</c>, in bytes.</summary>
/// <param name="ResidentBytes">VmRSS: resident now.</param>
/// <param name="PeakResidentBytes">VmHWM: the peak resident size.</param>
/// <param name="AnonymousBytes">RssAnon: the resident anonymous memory (heaps), null where not reported.</param>
public sealed record ProcessMemory(long ResidentBytes, long PeakResidentBytes, long? AnonymousBytes)
{
    /// <summary>Reads <c>/proc/<paramref name="pid"/>/status</c>; null when it cannot be read (not Linux, or the process is gone).</summary>
    public static ProcessMemory? Read(int pid)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines($"/proc/{pid}/status");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        return Parse(lines);
    }

    /// <summary>Reads the VmRSS, VmHWM and RssAnon lines of a <c>/proc/&lt;pid&gt;/status</c> text.</summary>
    public static ProcessMemory? Parse(IEnumerable<string> statusLines)
    {
        ArgumentNullException.ThrowIfNull(statusLines);
        long? rss = null, hwm = null, anon = null;
        foreach (var line in statusLines)
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = Kilobytes(line);
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                hwm = Kilobytes(line);
            }
            else if (line.StartsWith("RssAnon:", StringComparison.Ordinal))
            {
                anon = Kilobytes(line);
            }
        }

        return rss is null || hwm is null ? null : new ProcessMemory(rss.Value, hwm.Value, anon);
    }

    private static long? Kilobytes(string line)
    {
        var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 2 && long.TryParse(parts[1], out var kb) ? kb * 1024 : null;
    }
}
