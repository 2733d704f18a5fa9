using System.Threading.Channels;
using B12Cds.Facts.Terminology;
using B12Cds.Fhir.Diagnostics;
using B12Cds.Rules.Loading;
using B12Cds.Rules.Model;
using Microsoft.Extensions.Logging;

namespace B12Cds.Rules.Hosting;

/// <summary>
/// The active rule set of a running service: loads a rules folder at start, watches it, and hot-reloads it when its
/// YAML files change. A change that loads without errors is swapped in atomically; one with errors (or a folder
/// that cannot be read mid-save) is logged with every diagnostic and the previous rule set stays active.
/// </summary>
/// <remarks>
/// <para>
/// An evaluation reads <see cref="Current"/> once and runs on that reference to the end: a <see cref="RuleSet"/> is
/// immutable, so a reload never disturbs evaluations in flight, and readers never see a half-built set or (once one
/// has loaded) null.
/// </para>
/// <para>
/// Bursts of file events (an editor saving several files, a <c>git pull</c>) are debounced: the reload starts once
/// the folder has been quiet for <see cref="RuleSetProviderOptions.Debounce"/>. Reloads run on a background task,
/// never on the watcher's thread, and never two at once; <see cref="Changed"/> and <see cref="Rejected"/> are raised
/// on that task, in load order, while the next reload waits: keep handlers short, and never block one on
/// <see cref="ReloadAsync"/>. A handler that throws is logged; the others still run.
/// </para>
/// </remarks>
public sealed class RuleSetProvider : IDisposable
{
    private const string TriggerStart = "start";
    private const string TriggerChange = "file change";
    private const string TriggerExplicit = "explicit reload";

    private readonly Func<string, RuleSetLoadResult> _load;
    private readonly ILogger<RuleSetProvider> _logger;
    private readonly TimeProvider _time;
    private readonly TimeSpan _debounce;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Channel<bool> _signals = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });

    private readonly FileSystemWatcher? _watcher;
    private readonly Task _watchLoop = Task.CompletedTask;
    private RuleSet? _current;
    private IReadOnlyList<FileDiagnostic> _lastDiagnostics = [];
    private long _lastLoadedUtcTicks;
    private long _changes;
    private int _loadingThread;
    private int _disposed;

    /// <summary>Initializes a new instance of the <see cref="RuleSetProvider"/> class: loads the folder (synchronously) and, if <paramref name="options"/> say so, watches it from before that first load.</summary>
    /// <param name="rulesDirectory">The rules folder (rule files, <c>parameters.yaml</c>, <c>regimens.yaml</c>, <c>valuesets/</c>).</param>
    /// <param name="logger">Where loads, rejections (with every diagnostic) and failures are logged.</param>
    /// <param name="timeProvider">The clock for <see cref="LastLoaded"/> and the debounce.</param>
    /// <param name="options">Debounce and watching; the defaults when null.</param>
    public RuleSetProvider(string rulesDirectory, ILogger<RuleSetProvider> logger, TimeProvider timeProvider, RuleSetProviderOptions? options = null)
        : this(rulesDirectory, logger, timeProvider, options, RuleSetLoader.LoadDirectory)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="RuleSetProvider"/> class with a replaceable loader (tests inject failures through it).</summary>
    internal RuleSetProvider(string rulesDirectory, ILogger<RuleSetProvider> logger, TimeProvider timeProvider, RuleSetProviderOptions? options, Func<string, RuleSetLoadResult> load)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rulesDirectory);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(load);
        options ??= new RuleSetProviderOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Debounce, TimeSpan.Zero, nameof(options));

        RulesDirectory = Path.GetFullPath(rulesDirectory);
        _logger = logger;
        _time = timeProvider;
        _load = load;
        _debounce = options.Debounce;

        // Watch before the first load, so a change made while it runs is not lost: it is reloaded afterwards.
        if (options.Watch)
        {
            _watcher = TryStartWatcher();
            if (_watcher is not null)
            {
                _watchLoop = Task.Run(WatchLoopAsync);
                RuleSetProviderLog.Watching(_logger, RulesDirectory, _debounce.TotalMilliseconds);
            }
        }

        _gate.Wait();
        try
        {
            LoadAndApply(TriggerStart);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Raised after a reload that had no errors, once the new rule set is active (on the reload's background task).</summary>
    public event EventHandler<RuleSetChangedEventArgs>? Changed;

    /// <summary>Raised after a reload that had errors or could not read the folder; the previous rule set stays active.</summary>
    public event EventHandler<RuleSetRejectedEventArgs>? Rejected;

    /// <summary>Gets the full path of the rules folder.</summary>
    public string RulesDirectory { get; }

    /// <summary>
    /// Gets the active rule set, or null while none has loaded (the first load failed). Take it once per evaluation
    /// and use that reference throughout: a reload swaps in a new instance and never changes this one.
    /// </summary>
    public RuleSet? Current => Volatile.Read(ref _current);

    /// <summary>Gets a value indicating whether a rule set is active; once true it stays true.</summary>
    public bool IsReady => Current is not null;

    /// <summary>Gets the diagnostics of the last load attempt, successful or not, with file, line and column.</summary>
    public IReadOnlyList<FileDiagnostic> LastDiagnostics => Volatile.Read(ref _lastDiagnostics);

    /// <summary>Gets when the active rule set was loaded (UTC), or null while none has loaded.</summary>
    public DateTimeOffset? LastLoaded =>
        Interlocked.Read(ref _lastLoadedUtcTicks) is var ticks and not 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    /// <summary>
    /// Reloads the folder now, after any reload in flight, on a background thread; swaps the result in if it has no
    /// errors. Raises <see cref="Changed"/> or <see cref="Rejected"/> like a reload the watcher triggers.
    /// </summary>
    /// <param name="cancellationToken">Cancels waiting for a reload in flight (not the load itself once started).</param>
    /// <returns>The load result; when the folder could not be read, a result with one error saying why.</returns>
    /// <exception cref="ObjectDisposedException">The provider is disposed.</exception>
    public async Task<RuleSetLoadResult> ReloadAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
        try
        {
            await _gate.WaitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ObjectDisposedException(nameof(RuleSetProvider));
        }

        try
        {
            return await Task.Run(() => LoadAndApply(TriggerExplicit), CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stops watching and waits for a reload in flight to finish; the active rule set stays readable.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (_watcher is not null)
        {
            _watcher.EnableRaisingEvents = false;
            _watcher.Dispose();
        }

        _signals.Writer.TryComplete();
        _stopping.Cancel();

        // A Changed or Rejected handler that disposes the provider runs inside the reload: waiting for it would deadlock.
        if (Volatile.Read(ref _loadingThread) == Environment.CurrentManagedThreadId)
        {
            return;
        }

        _watchLoop.GetAwaiter().GetResult();
        _gate.Wait();
        _gate.Release();
        _gate.Dispose();
        _stopping.Dispose();
    }

    private static bool IsRuleFile(string? path) =>
        path is not null
        && (path.EndsWith(".yaml", StringComparison.Ordinal) || path.EndsWith(".yml", StringComparison.Ordinal))
        && !path.EndsWith(".scenarios.yaml", StringComparison.Ordinal)
        && !path.EndsWith(".scenarios.yml", StringComparison.Ordinal);

    /// <summary>Starts watching the folder recursively; null (logged) when it does not exist or cannot be watched, e.g. the inotify limit is reached.</summary>
    private FileSystemWatcher? TryStartWatcher()
    {
        if (!Directory.Exists(RulesDirectory))
        {
            RuleSetProviderLog.NotWatched(_logger, RulesDirectory);
            return null;
        }

        var watcher = new FileSystemWatcher(RulesDirectory)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
            InternalBufferSize = 64 * 1024,
        };
        watcher.Created += OnFileEvent;
        watcher.Changed += OnFileEvent;
        watcher.Deleted += OnFileEvent;
        watcher.Renamed += OnFileEvent;
        watcher.Error += OnWatcherError;
        try
        {
            watcher.EnableRaisingEvents = true;
            return watcher;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            watcher.Dispose();
            RuleSetProviderLog.WatchFailed(_logger, ex, RulesDirectory);
            return null;
        }
    }

    /// <summary>The watcher's callback: notes the change and wakes the reload task; never loads, never throws.</summary>
    private void OnFileEvent(object sender, FileSystemEventArgs e)
    {
        try
        {
            if (Volatile.Read(ref _disposed) != 0 || !(IsRuleFile(e.FullPath) || (e is RenamedEventArgs r && IsRuleFile(r.OldFullPath))))
            {
                return;
            }

            RuleSetProviderLog.ChangeSeen(_logger, e.ChangeType, e.FullPath);
            Signal();
        }
#pragma warning disable CA1031 // An exception escaping a FileSystemWatcher callback would crash the process.
        catch (Exception)
#pragma warning restore CA1031
        {
            // Nothing to do: the next event signals again.
        }
    }

    private void OnWatcherError(object sender, ErrorEventArgs e)
    {
        try
        {
            if (Volatile.Read(ref _disposed) != 0)
            {
                return;
            }

            // Events may have been lost (buffer overflow): reload the whole folder.
            RuleSetProviderLog.WatcherError(_logger, e.GetException(), RulesDirectory);
            Signal();
        }
#pragma warning disable CA1031 // An exception escaping a FileSystemWatcher callback would crash the process.
        catch (Exception)
#pragma warning restore CA1031
        {
            // Nothing to do: the next event signals again.
        }
    }

    private void Signal()
    {
        Interlocked.Increment(ref _changes);
        _signals.Writer.TryWrite(true);
    }

    /// <summary>The background task: one reload per settled burst of changes, one at a time, until disposed.</summary>
    private async Task WatchLoopAsync()
    {
        var token = _stopping.Token;
        try
        {
            while (await _signals.Reader.WaitToReadAsync(token).ConfigureAwait(false))
            {
                _signals.Reader.TryRead(out _);

                // Debounce: wait until no change has been seen for a whole period.
                long seen;
                do
                {
                    seen = Interlocked.Read(ref _changes);
                    await Task.Delay(_debounce, _time, token).ConfigureAwait(false);
                }
                while (Interlocked.Read(ref _changes) != seen);

                // A signal raised during the wait is covered by the load below, which reads the files afterwards.
                _signals.Reader.TryRead(out _);
                await _gate.WaitAsync(token).ConfigureAwait(false);
                try
                {
                    LoadAndApply(TriggerChange);
                }
                finally
                {
                    _gate.Release();
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Disposed.
        }
    }

    /// <summary>Loads the folder and swaps the result in when it has no errors. Called with the gate held; never throws.</summary>
    private RuleSetLoadResult LoadAndApply(string trigger)
    {
        Volatile.Write(ref _loadingThread, Environment.CurrentManagedThreadId);
        try
        {
            var started = _time.GetTimestamp();
            RuleSetLoadResult result;
            Exception? failure = null;
            try
            {
                result = _load(RulesDirectory);
            }
#pragma warning disable CA1031 // Any failure to read the folder (a file locked or half-written mid-save) keeps the active set; it is retried on the next change.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failure = ex;
                var unreadable = new FileDiagnostic(
                    RuleDiagnosticIds.YamlSyntax,
                    IssueSeverity.Error,
                    new SourceLocation(RulesDirectory, 0, 0),
                    $"The rules folder could not be read ({ex.GetType().Name}: {ex.Message}); it is read again on the next change.");
                result = new RuleSetLoadResult(null, [unreadable]);
            }

            Volatile.Write(ref _lastDiagnostics, result.Diagnostics);
            if (result.RuleSet is { } loaded)
            {
                var loadedAt = _time.GetUtcNow();
                var elapsedMs = (long)_time.GetElapsedTime(started).TotalMilliseconds;
                var previous = Interlocked.Exchange(ref _current, loaded);
                Interlocked.Exchange(ref _lastLoadedUtcTicks, loadedAt.UtcTicks);
                RuleSetProviderLog.Activated(_logger, loaded.Version, loaded.Rules.Count, RulesDirectory, elapsedMs, trigger);
                LogDiagnostics(result.Diagnostics, IssueSeverity.Warning);
                Raise(Changed, new RuleSetChangedEventArgs(previous, loaded, result.Diagnostics, loadedAt), nameof(Changed));
            }
            else
            {
                var active = Current;
                var activeVersion = active?.Version ?? "(none)";
                if (failure is not null)
                {
                    RuleSetProviderLog.LoadFailed(_logger, failure, RulesDirectory, trigger, activeVersion);
                }
                else
                {
                    RuleSetProviderLog.Rejected(_logger, RulesDirectory, result.Diagnostics.Count(d => d.IsError), trigger, activeVersion);
                }

                LogDiagnostics(result.Diagnostics, IssueSeverity.Information);
                Raise(Rejected, new RuleSetRejectedEventArgs(active, result.Diagnostics, failure), nameof(Rejected));
            }

            return result;
        }
        finally
        {
            Volatile.Write(ref _loadingThread, 0);
        }
    }

    /// <summary>Logs each diagnostic of at least <paramref name="minimum"/> severity as a warning, as <c>file:line:col: severity ID: message</c>.</summary>
    private void LogDiagnostics(IReadOnlyList<FileDiagnostic> diagnostics, IssueSeverity minimum)
    {
        foreach (var d in diagnostics.Where(d => d.Severity >= minimum))
        {
            var severity = d.IsError ? "error" : d.Severity == IssueSeverity.Warning ? "warning" : "info";
            RuleSetProviderLog.Diagnostic(_logger, d.Location.ToString(), severity, d.Id, d.Message);
        }
    }

    private void Raise<T>(EventHandler<T>? handlers, T args, string eventName)
    {
        if (handlers is null)
        {
            return;
        }

        foreach (var handler in handlers.GetInvocationList().Cast<EventHandler<T>>())
        {
            try
            {
                handler(this, args);
            }
#pragma warning disable CA1031 // A subscriber's bug must not stop the reload task or the other subscribers.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                RuleSetProviderLog.HandlerFailed(_logger, ex, eventName);
            }
        }
    }
}
