using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace B12Cds.LoadTest;

/// <summary>
/// Sends hook calls: open loop (a fixed timetable, latency measured from each request's due time) or closed loop
/// (N callers, each sending its next request when the previous one answers). One pooled HTTP/1.1 client.
/// </summary>
public sealed class LoadRunner : IDisposable
{
    /// <summary>Within this much time of the next due request (100 µs) the dispatcher yields instead of sleeping.</summary>
    private static readonly long SpinTicks = Stopwatch.Frequency / 10_000;

    private static readonly byte[] CardsMember = "\"cards\""u8.ToArray();

    /// <summary>The due time of a closed-loop request: none, latency counts from the send.</summary>
    private const long FromSend = long.MinValue;

    private readonly HttpClient _client;
    private readonly Uri _hookUri;
    private readonly RequestCorpus _corpus;

    /// <summary>Creates a runner that posts <paramref name="corpus"/>'s bodies to <paramref name="hookUri"/>.</summary>
    public LoadRunner(Uri hookUri, RequestCorpus corpus, int maxConnections, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(hookUri);
        ArgumentNullException.ThrowIfNull(corpus);
        _hookUri = hookUri;
        _corpus = corpus;
        _client = CreateClient(maxConnections, timeout);
    }

    /// <summary>The pooled HTTP/1.1 client: no proxy, cookies or decompression; connections kept for the whole run.</summary>
    public static HttpClient CreateClient(int maxConnections, TimeSpan timeout)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = Math.Max(1, maxConnections),
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(5),
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
        };
        return new HttpClient(handler, disposeHandler: true)
        {
            Timeout = timeout,
            DefaultRequestVersion = HttpVersion.Version11,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
    }

    /// <summary>Sends <paramref name="count"/> requests on a fixed timetable of <paramref name="ratePerSecond"/> per second.</summary>
    public async Task<RunResult> RunOpenLoopAsync(double ratePerSecond, int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ratePerSecond);
        var state = new RunState(count);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;

        // Start a little ahead so the dispatcher thread is running before the first due time.
        var schedule = new OpenLoopSchedule(Stopwatch.GetTimestamp() + (Stopwatch.Frequency / 100), ratePerSecond, Stopwatch.Frequency);
        var dispatcher = new Thread(() => Dispatch(schedule, count, state, cancellationToken))
        {
            IsBackground = true,
            Name = "load dispatcher",
        };
        dispatcher.Start();
        await state.Finished.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        dispatcher.Join();
        return state.ToResult(
            $"open loop at {ratePerSecond:0.#} req/s",
            schedule.StartTicks,
            Process.GetCurrentProcess().TotalProcessorTime - cpuBefore,
            ratePerSecond,
            null);
    }

    /// <summary>Sends <paramref name="count"/> requests from <paramref name="concurrency"/> callers, each waiting for its answer.</summary>
    public async Task<RunResult> RunClosedLoopAsync(int concurrency, int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(concurrency);
        var state = new RunState(count);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var next = -1;
        var start = Stopwatch.GetTimestamp();
        var callers = new Task[concurrency];
        for (var c = 0; c < concurrency; c++)
        {
            callers[c] = Task.Run(
                async () =>
                {
                    int index;
                    while ((index = Interlocked.Increment(ref next)) < count && !cancellationToken.IsCancellationRequested)
                    {
                        await SendAsync(index, FromSend, state, cancellationToken).ConfigureAwait(false);
                    }
                },
                cancellationToken);
        }

        await Task.WhenAll(callers).ConfigureAwait(false);
        return state.ToResult(
            $"closed loop, concurrency {concurrency}",
            start,
            Process.GetCurrentProcess().TotalProcessorTime - cpuBefore,
            null,
            concurrency);
    }

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();

    private void Dispatch(OpenLoopSchedule schedule, int count, RunState state, CancellationToken cancellationToken)
    {
        var sent = 0;
        while (sent < count && !cancellationToken.IsCancellationRequested)
        {
            var due = schedule.DueBy(Stopwatch.GetTimestamp(), count);
            for (; sent < due; sent++)
            {
                // Runs synchronously up to the first wait for the network (the request is usually written by then).
                _ = SendAsync(sent, schedule.DueAt(sent), state, cancellationToken);
            }

            if (sent >= count)
            {
                break;
            }

            var wait = schedule.DueAt(sent) - Stopwatch.GetTimestamp();
            if (wait > SpinTicks)
            {
                // Wake a little early: usleep is typically 60–100 µs late; the rest is yielded away.
                PreciseSleep.For(wait - SpinTicks);
            }
            else if (wait > 0)
            {
                Thread.Yield();
            }
        }

        state.DispatchDone(sent);
    }

    private async Task SendAsync(int index, long dueTicks, RunState state, CancellationToken cancellationToken)
    {
        var body = _corpus.BodyFor(index);
        var sentTicks = Stopwatch.GetTimestamp();
        if (dueTicks == FromSend)
        {
            dueTicks = sentTicks;
        }

        string? error = "unexpected exception";
        long received = 0;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, _hookUri)
            {
                Version = HttpVersion.Version11,
                VersionPolicy = HttpVersionPolicy.RequestVersionExact,
                Content = new HookRequestContent(body, Guid.NewGuid()),
            };
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            (received, var hasCards) = await DrainAsync(response, cancellationToken).ConfigureAwait(false);
            error = response.StatusCode != HttpStatusCode.OK ? $"HTTP {(int)response.StatusCode}"
                : !hasCards ? "200 without a cards member"
                : null;
        }
        catch (HttpRequestException e)
        {
            error = e.HttpRequestError.ToString();
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            error = "timeout";
        }
        catch (OperationCanceledException)
        {
            error = "cancelled";
        }
        catch (IOException)
        {
            error = "connection I/O error";
        }
        finally
        {
            // Always counted, so a run never waits for a request that failed in an unforeseen way.
            var end = Stopwatch.GetTimestamp();
            state.Complete(index, end - dueTicks, end - sentTicks, sentTicks - dueTicks, end, error, received, body.Body.Length);
        }
    }

    /// <summary>Reads the whole response; reports its length and whether its start holds a <c>"cards"</c> member.</summary>
    private static async Task<(long Bytes, bool HasCards)> DrainAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
            try
            {
                // Fill the first buffer, look for the member there, then discard the rest.
                int filled = 0, n;
                while (filled < buffer.Length && (n = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    filled += n;
                }

                var hasCards = buffer.AsSpan(0, filled).IndexOf(CardsMember) >= 0;
                long total = filled;
                if (filled == buffer.Length)
                {
                    while ((n = await stream.ReadAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false)) > 0)
                    {
                        total += n;
                    }
                }

                return (total, hasCards);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    /// <summary>The measurements of one run, written by the completing requests.</summary>
    private sealed class RunState(int count)
    {
        private readonly int _requested = count;
        private readonly long[] _latency = new long[count];
        private readonly long[] _serviceTime = new long[count];
        private readonly long[] _lag = new long[count];
        private readonly ConcurrentDictionary<string, int> _errors = new(StringComparer.Ordinal);
        private int _completed;
        private int _succeeded;
        private int _expected = count;
        private long _lastEnd;
        private long _responseBytes;
        private long _requestBytes;

        public TaskCompletionSource Finished { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Complete(int index, long latency, long serviceTime, long lag, long end, string? error, long received, long sent)
        {
            _latency[index] = latency;
            _serviceTime[index] = serviceTime;
            _lag[index] = Math.Max(0, lag);
            Interlocked.Add(ref _responseBytes, received);
            Interlocked.Add(ref _requestBytes, sent);
            InterlockedMax(ref _lastEnd, end);
            if (error is null)
            {
                Interlocked.Increment(ref _succeeded);
            }
            else
            {
                _errors.AddOrUpdate(error, 1, (_, n) => n + 1);
            }

            if (Interlocked.Increment(ref _completed) == Volatile.Read(ref _expected))
            {
                Finished.TrySetResult();
            }
        }

        /// <summary>The dispatcher sent <paramref name="sent"/> requests (fewer than asked when cancelled).</summary>
        public void DispatchDone(int sent)
        {
            Volatile.Write(ref _expected, sent);
            if (Volatile.Read(ref _completed) >= sent)
            {
                Finished.TrySetResult();
            }
        }

        public RunResult ToResult(string mode, long startTicks, TimeSpan clientCpu, double? rate, int? concurrency)
        {
            var completed = Volatile.Read(ref _completed);

            // Requests complete out of order; the filled slots are the first 'completed' indexes only when nothing is in flight.
            var end = Volatile.Read(ref _lastEnd);
            return new RunResult
            {
                Mode = mode,
                TargetRate = rate,
                Concurrency = concurrency,
                Requested = _requested,
                Completed = completed,
                Succeeded = Volatile.Read(ref _succeeded),
                Errors = new SortedDictionary<string, int>(_errors, StringComparer.Ordinal),
                Seconds = end > startTicks ? (end - startTicks) / (double)Stopwatch.Frequency : 0,
                ResponseBytes = Interlocked.Read(ref _responseBytes),
                RequestBytes = Interlocked.Read(ref _requestBytes),
                Latency = LatencySummary.FromTicks(_latency, completed, Stopwatch.Frequency),
                ServiceTime = LatencySummary.FromTicks(_serviceTime, completed, Stopwatch.Frequency),
                DispatchLag = LatencySummary.FromTicks(_lag, completed, Stopwatch.Frequency),
                ClientCpuSeconds = clientCpu.TotalSeconds,
            };
        }

        private static void InterlockedMax(ref long target, long value)
        {
            var current = Volatile.Read(ref target);
            while (value > current)
            {
                var seen = Interlocked.CompareExchange(ref target, value, current);
                if (seen == current)
                {
                    return;
                }

                current = seen;
            }
        }
    }
}
