namespace B12Cds.Service.Diagnostics;

/// <summary>The service's log events (3001–3099): ids only, never resource content, tokens or names.</summary>
internal static partial class ServiceLog
{
    [LoggerMessage(3001, LogLevel.Information,
        "{Service} {HookInstance} patient {PatientId}: {Outcome}, {Cards} card(s), rules {RuleSetVersion}; parse {ParseMs:F2} ms, prefetch {PrefetchMs:F2} ms, evaluate {EvaluateMs:F2} ms, render {RenderMs:F2} ms, total {TotalMs:F2} ms")]
    public static partial void HookAnswered(
        ILogger logger, string service, string hookInstance, string patientId, string outcome, int cards, string ruleSetVersion,
        double parseMs, double prefetchMs, double evaluateMs, double renderMs, double totalMs);

    [LoggerMessage(3002, LogLevel.Information, "{Service}: request refused ({Status}): {Reason}")]
    public static partial void RequestRefused(ILogger logger, string service, int status, string reason);

    [LoggerMessage(3003, LogLevel.Warning, "{Service} {HookInstance} patient {PatientId}: required data unavailable ({Keys}); answered 412")]
    public static partial void PreconditionFailed(ILogger logger, string service, string hookInstance, string patientId, string keys);

    [LoggerMessage(3004, LogLevel.Warning, "{Service} {HookInstance} patient {PatientId}: data missing ({Keys}); {Withheld} card(s) withheld")]
    public static partial void DataMissing(ILogger logger, string service, string hookInstance, string patientId, string keys, int withheld);

    [LoggerMessage(3005, LogLevel.Error, "{Service} {HookInstance}: evaluation failed")]
    public static partial void EvaluationFailed(ILogger logger, Exception exception, string service, string hookInstance);

    [LoggerMessage(3006, LogLevel.Warning, "{Service}: the store did not answer in time for suppressions; cards shown unfiltered")]
    public static partial void SuppressionLookupFailed(ILogger logger, Exception exception, string service);

    [LoggerMessage(3007, LogLevel.Information, "{Service}: feedback stored for {Count} card(s), {Suppressions} suppression(s)")]
    public static partial void FeedbackStored(ILogger logger, string service, int count, int suppressions);

    [LoggerMessage(3008, LogLevel.Warning, "Audit queue full: the record of {Service} {HookInstance} was not queued")]
    public static partial void AuditDropped(ILogger logger, string service, string? hookInstance);
}
