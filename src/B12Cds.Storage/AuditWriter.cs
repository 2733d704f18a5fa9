using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace B12Cds.Storage;

/// <summary>
/// Writes the audit trail in the background so that it never delays the EHR's answer: <see cref="TryEnqueue"/> never
/// blocks and never throws; a bounded queue is drained in batches, each batch one transaction. Transient failures are
/// retried with exponential back-off for as long as the service runs; a batch the store refuses is written one entry
/// at a time so that only the refused entries are lost. What is queued is flushed on shutdown (within the host's
/// shutdown timeout). Every entry lost (queue full, refused, shutdown cut short) is counted in <see cref="Dropped"/>
/// and logged by id.
/// </summary>
/// <threadsafety instance="true"/>
public sealed class AuditWriter : BackgroundService
{
    private readonly ICdsStore _store;
    private readonly ILogger _logger;
    private readonly AuditWriterOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly Channel<AuditRecord> _queue;
    private readonly TaskCompletionSource _stopRequested = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _enqueued;
    private long _processed;
    private long _written;
    private long _dropped;
    private TaskCompletionSource _progress = NewProgress();

    /// <summary>Creates the writer.</summary>
    /// <param name="store">The store written to.</param>
    /// <param name="logger">The log (ids only).</param>
    /// <param name="options">The queue and retry settings; the defaults when <see langword="null"/>.</param>
    /// <param name="timeProvider">The clock for retry delays; the system clock by default.</param>
    public AuditWriter(ICdsStore store, ILogger<AuditWriter>? logger = null, AuditWriterOptions? options = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _options = options ?? new AuditWriterOptions();
        _options.Validate();
        _timeProvider = timeProvider ?? TimeProvider.System;
        _queue = Channel.CreateBounded<AuditRecord>(new BoundedChannelOptions(_options.Capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>Gets the number of entries lost: queue full, refused by the store, or still queued when shutdown was cut short.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Gets the number of entries written.</summary>
    public long Written => Interlocked.Read(ref _written);

    /// <summary>Gets the number of entries waiting in the queue.</summary>
    public int Pending => _queue.Reader.Count;

    /// <summary>Queues an entry; never blocks and never throws.</summary>
    /// <returns><see langword="true"/> when queued; <see langword="false"/> when dropped (queue full, writer stopped, or no entry).</returns>
    public bool TryEnqueue(AuditRecord record)
    {
        if (record is null)
        {
            return false;
        }

        if (_queue.Writer.TryWrite(record))
        {
            Interlocked.Increment(ref _enqueued);
            return true;
        }

        Interlocked.Increment(ref _dropped);
        AuditWriterLog.Dropped(_logger, null, record.Id, record.ServiceId, record.HookInstance, "the audit queue is full or closed");
        return false;
    }

    /// <summary>Waits until every entry queued before this call is written (or dropped).</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        var target = Interlocked.Read(ref _enqueued);
        while (true)
        {
            // Read the signal before the count: progress made after the check completes this signal.
            var progress = Volatile.Read(ref _progress);
            if (Interlocked.Read(ref _processed) >= target)
            {
                return;
            }

            await progress.Task.WaitAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>Stops taking entries, writes what is queued, and stops (cut short when <paramref name="cancellationToken"/> fires).</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _stopRequested.TrySetResult();
        _queue.Writer.TryComplete();
        if (ExecuteTask is { } running)
        {
            try
            {
                await running.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The host's shutdown timeout: base.StopAsync cancels the writer, which drops (and logs) what is left.
            }
        }

        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        AuditWriterLog.Stopped(_logger, Written, Dropped);
    }

    /// <inheritdoc/>
    /// <remarks>
    /// The writer runs on a thread of its own: a store may block while it writes (Microsoft.Data.Sqlite does its I/O,
    /// the commit's disk sync included, synchronously even from its async methods), and a blocked thread-pool thread
    /// is one fewer for the requests the EHR is waiting on.
    /// </remarks>
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                Run(stoppingToken);
                finished.TrySetResult();
            }
            catch (Exception exception)
            {
                finished.TrySetException(exception);
            }
        })
        {
            IsBackground = true,
            Name = "B12Cds audit writer",
        };
        thread.Start();
        return finished.Task;
    }

    private void Run(CancellationToken stoppingToken)
    {
        var batch = new List<AuditRecord>(_options.BatchSize);
        try
        {
            while (Wait(_queue.Reader.WaitToReadAsync(stoppingToken)))
            {
                Gather(stoppingToken);
                while (batch.Count < _options.BatchSize && _queue.Reader.TryRead(out var record))
                {
                    batch.Add(record);
                }

                Write(batch, stoppingToken);
                batch.Clear();
            }
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            // Cut short by the host's shutdown timeout, whether it caught the writer waiting, retrying, or in a store
            // call that failed as it was cancelled: what is left is dropped and counted.
            foreach (var record in batch)
            {
                Drop(record, null, "the service stopped before it was written");
            }

            while (_queue.Reader.TryRead(out var record))
            {
                Drop(record, null, "the service stopped before it was written");
            }
        }
    }

    private static bool Wait(ValueTask<bool> pending) => pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();

    /// <summary>
    /// Lets entries gather for <see cref="AuditWriterOptions.BatchWindow"/> (real time, not the service clock: it paces
    /// writes, it does not read the time), unless a batch is already full or the writer is stopping.
    /// </summary>
    private void Gather(CancellationToken stoppingToken)
    {
        if (_options.BatchWindow <= TimeSpan.Zero || _queue.Reader.Count >= _options.BatchSize || _stopRequested.Task.IsCompleted)
        {
            return;
        }

        _stopRequested.Task.Wait(_options.BatchWindow, stoppingToken);
    }

    private static TaskCompletionSource NewProgress() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void Write(List<AuditRecord> batch, CancellationToken stoppingToken)
    {
        var delay = _options.InitialRetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                _store.AppendAuditAsync(batch, stoppingToken).GetAwaiter().GetResult();
                Interlocked.Add(ref _written, batch.Count);
                MarkProcessed(batch.Count);
                return;
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested && (exception is OperationCanceledException || TransientErrors.IsTransient(exception)))
            {
                AuditWriterLog.Retrying(_logger, exception, batch.Count, attempt, delay.TotalMilliseconds);
                Task.Delay(delay, _timeProvider, stoppingToken).GetAwaiter().GetResult();
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxRetryDelay.Ticks));
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // The store refused the data itself: isolate the entries it refuses, so one bad entry does not lose the others.
                if (batch.Count == 1)
                {
                    Drop(batch[0], exception, "the store refused it");
                    return;
                }

                AuditWriterLog.BatchRefused(_logger, exception, batch.Count);
                foreach (var record in batch)
                {
                    Write([record], stoppingToken);
                }

                return;
            }
        }
    }

    private void Drop(AuditRecord record, Exception? exception, string reason)
    {
        Interlocked.Increment(ref _dropped);
        AuditWriterLog.Dropped(_logger, exception, record.Id, record.ServiceId, record.HookInstance, reason);
        MarkProcessed(1);
    }

    private void MarkProcessed(int count)
    {
        Interlocked.Add(ref _processed, count);
        Interlocked.Exchange(ref _progress, NewProgress()).TrySetResult();
    }
}
