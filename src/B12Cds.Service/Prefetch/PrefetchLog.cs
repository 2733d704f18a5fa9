namespace B12Cds.Service.Prefetch;

/// <summary>
/// The log messages of prefetch, source-generated, with fixed event ids (4101-4109). They carry the call id, key,
/// state, HTTP status and durations; never the access token, patient ids or resource content.
/// </summary>
internal static partial class PrefetchLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Prefetch {CallId}: {KeyCount} keys in {ElapsedMs} ms ({Provided} provided, {Fetched} fetched, {Missing} without data)")]
    public static partial void Resolved(ILogger logger, string callId, int keyCount, long elapsedMs, int provided, int fetched, int missing);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Prefetch {CallId}: key {Key} {State} in {ElapsedMs} ms ({Resources} resources, {Pages} pages, last HTTP status {HttpStatus})")]
    public static partial void KeyFetched(ILogger logger, string callId, string key, PrefetchKeyState state, long elapsedMs, int resources, int pages, int httpStatus);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "Prefetch {CallId}: key {Key} {State}")]
    public static partial void KeyWithoutData(ILogger logger, string callId, string key, PrefetchKeyState state);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "Prefetch {CallId}: the deadline passed with {Pending} fetches outstanding after {ElapsedMs} ms")]
    public static partial void DeadlinePassed(ILogger logger, string callId, int pending, long elapsedMs);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Warning, Message = "Prefetch {CallId}: key {Key} failed: {Reason}")]
    public static partial void FetchFailed(ILogger logger, string callId, string key, string reason);
}
