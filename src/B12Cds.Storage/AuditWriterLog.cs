using Microsoft.Extensions.Logging;

namespace B12Cds.Storage;

/// <summary>
/// The log messages of <see cref="AuditWriter"/>, source-generated, with fixed event ids (4001-4010); ids only, never
/// clinical data. 4001 (an audit entry was lost) needs a person.
/// </summary>
internal static partial class AuditWriterLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Error, Message = "Audit entry {AuditId} (service {ServiceId}, hook instance {HookInstance}) was dropped: {Reason}")]
    public static partial void Dropped(ILogger logger, Exception? exception, Guid auditId, string serviceId, string? hookInstance, string reason);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Writing {Count} audit entries failed on attempt {Attempt}; retrying in {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, Exception exception, int count, int attempt, double delayMs);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "The store refused a batch of {Count} audit entries; writing them one by one")]
    public static partial void BatchRefused(ILogger logger, Exception exception, int count);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Information, Message = "Audit writer stopped: {Written} written, {Dropped} dropped")]
    public static partial void Stopped(ILogger logger, long written, long dropped);
}
