using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace B12Cds.LoadTest;

/// <summary>How to start a service: a program and the arguments before the tool's own <c>--urls … --environment …</c>.</summary>
/// <param name="FileName">The program (usually <c>dotnet</c>).</param>
/// <param name="Arguments">The leading arguments, e.g. the service DLL.</param>
/// <param name="Description">What is started, for the report.</param>
public sealed record ServiceLaunch(string FileName, IReadOnlyList<string> Arguments, string Description)
{
    /// <summary>Gets the launch of this tool's own stub service (<c>--start-service stub</c>, and the self-test).</summary>
    public static ServiceLaunch Stub { get; } = new(
        "dotnet",
        [Path.Combine(AppContext.BaseDirectory, typeof(ServiceLaunch).Assembly.GetName().Name + ".dll"), "stub-server"],
        "the load tool's stub service");
}

/// <summary>
/// The service as a child process on a free loopback port, with its own temporary data folder. Disposing stops it
/// (SIGTERM, then the whole process tree is killed) and deletes the folder; a process-exit hook does the same if the
/// tool is torn down another way, so no service is ever left running.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<ServiceProcess, bool> Live = new();
    private static int _hooked;

    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Lock _logLock = new();
    private int _stopped;
    private bool _logClosed;

    private ServiceProcess(Process process, Uri baseUri, string tempDirectory, StreamWriter log, string logPath)
    {
        _process = process;
        BaseUri = baseUri;
        TempDirectory = tempDirectory;
        _log = log;
        LogPath = logPath;
    }

    /// <summary>Gets the service's base address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUri { get; }

    /// <summary>Gets the process id.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Gets the temporary folder (data folder and log), deleted on dispose.</summary>
    public string TempDirectory { get; }

    /// <summary>Gets the file the service's standard output and error are written to.</summary>
    public string LogPath { get; }

    /// <summary>Gets whether the process has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Works out how to start <paramref name="path"/>: a <c>.dll</c> runs under <c>dotnet</c>; a project folder or
    /// <c>.csproj</c> is built in Release first and its DLL run (never <c>dotnet run</c>, whose extra process would
    /// hide the service's memory); anything else is run as a program.
    /// </summary>
    public static async Task<ServiceLaunch> ResolveAsync(string path, TextWriter progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(progress);
        var full = Path.GetFullPath(path);
        if (full.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) && File.Exists(full))
        {
            return new ServiceLaunch("dotnet", [full], full);
        }

        var project = full.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) && File.Exists(full)
            ? full
            : Directory.Exists(full) ? Directory.GetFiles(full, "*.csproj").SingleOrDefault() : null;
        if (project is null)
        {
            if (File.Exists(full))
            {
                return new ServiceLaunch(full, [], full);
            }

            throw new FileNotFoundException($"--start-service: {path} is not a DLL, a program, a .csproj or a folder with one project.");
        }

        progress.WriteLine($"building {Path.GetFileName(project)} (Release)…");
        var (code, output) = await RunToEndAsync("dotnet", ["build", project, "-c", "Release", "--nologo", "-v", "quiet"], cancellationToken).ConfigureAwait(false);
        if (code != 0)
        {
            throw new InvalidOperationException($"Building {project} failed:{Environment.NewLine}{output}");
        }

        (code, output) = await RunToEndAsync("dotnet", ["msbuild", project, "-getProperty:TargetPath", "-p:Configuration=Release", "-nologo"], cancellationToken).ConfigureAwait(false);
        var dll = output.Trim();
        if (code != 0 || !File.Exists(dll))
        {
            throw new InvalidOperationException($"Could not find the built DLL of {project}:{Environment.NewLine}{output}");
        }

        return new ServiceLaunch("dotnet", [dll], dll);
    }

    /// <summary>A free TCP port on the loopback interface (the OS picks one; it is released straight away).</summary>
    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>
    /// Starts the service on a free loopback port in the Development environment, with a temporary data folder and
    /// the given extra environment, and waits until <c>/health/ready</c> answers 200.
    /// </summary>
    public static async Task<ServiceProcess> StartAsync(
        ServiceLaunch launch,
        IReadOnlyDictionary<string, string> environment,
        TimeSpan readyTimeout,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(launch);
        ArgumentNullException.ThrowIfNull(environment);
        HookProcessExit();
        var temp = Directory.CreateTempSubdirectory("b12cds-load-").FullName;
        var data = Directory.CreateDirectory(Path.Combine(temp, "data")).FullName;
        var port = FreeLoopbackPort();
        var baseUri = new Uri($"http://127.0.0.1:{port}/");

        var info = new ProcessStartInfo(launch.FileName)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            WorkingDirectory = temp,
        };
        foreach (var a in launch.Arguments)
        {
            info.ArgumentList.Add(a);
        }

        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{port}");
        info.ArgumentList.Add("--environment");
        info.ArgumentList.Add("Development");
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["DOTNET_ENVIRONMENT"] = "Development";
        info.Environment["B12Cds__DataDirectory"] = data;
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var logPath = Path.Combine(temp, "service.log");
        var log = new StreamWriter(logPath) { AutoFlush = true };
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var service = new ServiceProcess(process, baseUri, temp, log, logPath);
        process.OutputDataReceived += (_, e) => service.Log(e.Data);
        process.ErrorDataReceived += (_, e) => service.Log(e.Data);
        if (!process.Start())
        {
            await log.DisposeAsync().ConfigureAwait(false);
            throw new InvalidOperationException($"Could not start {launch.FileName}.");
        }

        Live[service] = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await service.WaitReadyAsync(readyTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // The exception carries the output's tail; the folder goes with the service.
            await service.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return service;
    }

    /// <summary>The service's memory now (null when /proc cannot be read).</summary>
    public ProcessMemory? Memory() => ProcessMemory.Read(_process.Id);

    /// <summary>The CPU time the service (main process) has used so far.</summary>
    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    /// <summary>The last <paramref name="lines"/> lines of the service's output.</summary>
    public string LogTail(int lines = 30)
    {
        lock (_logLock)
        {
            if (!_logClosed)
            {
                _log.Flush();
            }
        }

        try
        {
            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            var all = reader.ReadToEnd().Split('\n');
            return string.Join('\n', all.TakeLast(lines));
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }

    /// <summary>Stops the service (SIGTERM, then the process tree is killed after 5 s) and deletes the temporary folder.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        try
        {
            if (!_process.HasExited)
            {
                await TerminateAsync(_process.Id).ConfigureAwait(false);
                using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                try
                {
                    await _process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    Kill();
                    await _process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
                }
            }

            // Children the service may have started (none today) go with it.
            Kill();
        }
        finally
        {
            Live.TryRemove(this, out _);
            lock (_logLock)
            {
                _logClosed = true;
                _log.Dispose();
            }

            _process.Dispose();
            TryDelete(TempDirectory);
        }
    }

    private void Log(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_logLock)
        {
            if (!_logClosed)
            {
                _log.WriteLine(line);
            }
        }
    }

    private async Task WaitReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var ready = new Uri(BaseUri, "health/ready");
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        var last = "no answer";
        while (Stopwatch.GetTimestamp() < deadline)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The service exited with code {_process.ExitCode} before it was ready. Its output:{Environment.NewLine}{LogTail()}");
            }

            try
            {
                using var response = await client.GetAsync(ready, cancellationToken).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }

                last = $"HTTP {(int)response.StatusCode}";
            }
            catch (HttpRequestException e)
            {
                last = e.Message;
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                last = "timeout";
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }

        throw new TimeoutException($"The service was not ready within {timeout.TotalSeconds:0} s (last: {last}). Its output:{Environment.NewLine}{LogTail()}");
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // Already gone, or exiting.
        }
    }

    /// <summary>SIGTERM, so ASP.NET Core shuts down in order (the <c>kill</c> program: no native interop needed).</summary>
    private static async Task TerminateAsync(int pid)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        try
        {
            _ = await RunToEndAsync("kill", ["-TERM", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)], CancellationToken.None).ConfigureAwait(false);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No 'kill' program: the caller kills the tree after the wait.
        }
    }

    private static void HookProcessExit()
    {
        if (Interlocked.Exchange(ref _hooked, 1) != 0)
        {
            return;
        }

        // Last resort when the tool ends without disposing (an unhandled exception, SIGTERM past the grace period).
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
        AppDomain.CurrentDomain.UnhandledException += (_, _) => KillAll();
    }

    private static void KillAll()
    {
        foreach (var service in Live.Keys)
        {
            service.Kill();
            TryDelete(service.TempDirectory);
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: it is under the temp folder.
        }
        catch (UnauthorizedAccessException)
        {
            // Best effort.
        }
    }

    private static async Task<(int ExitCode, string Output)> RunToEndAsync(string fileName, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        try
        {
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            return (process.ExitCode, (await stdout.ConfigureAwait(false)) + (await stderr.ConfigureAwait(false)));
        }
        catch (OperationCanceledException)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            throw;
        }
    }
}
