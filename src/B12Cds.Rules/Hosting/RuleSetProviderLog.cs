using Microsoft.Extensions.Logging;

namespace B12Cds.Rules.Hosting;

/// <summary>
/// The log messages of <see cref="RuleSetProvider"/>, source-generated, with fixed event ids (2001-2010) that
/// operations can alert on: 2002 (a change was rejected) and 2004 (the folder could not be read) need a person.
/// </summary>
internal static partial class RuleSetProviderLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Rule set {Version} is active: {RuleCount} rules from {RulesDirectory}, loaded in {ElapsedMs} ms ({Trigger})")]
    public static partial void Activated(ILogger logger, string version, int ruleCount, string rulesDirectory, long elapsedMs, string trigger);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "The rules in {RulesDirectory} were rejected with {ErrorCount} error(s) ({Trigger}); rule set {ActiveVersion} stays active")]
    public static partial void Rejected(ILogger logger, string rulesDirectory, int errorCount, string trigger, string activeVersion);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "{Location}: {Severity} {DiagnosticId}: {DiagnosticMessage}")]
    public static partial void Diagnostic(ILogger logger, string location, string severity, string diagnosticId, string diagnosticMessage);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Error, Message = "The rules folder {RulesDirectory} could not be loaded ({Trigger}); rule set {ActiveVersion} stays active and the load is retried on the next change")]
    public static partial void LoadFailed(ILogger logger, Exception exception, string rulesDirectory, string trigger, string activeVersion);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Information, Message = "Watching {RulesDirectory} for rule changes (debounce {DebounceMs} ms)")]
    public static partial void Watching(ILogger logger, string rulesDirectory, double debounceMs);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Debug, Message = "Rules folder change: {ChangeType} {Path}")]
    public static partial void ChangeSeen(ILogger logger, WatcherChangeTypes changeType, string path);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Warning, Message = "The watcher of {RulesDirectory} reported an error; the folder is reloaded in full")]
    public static partial void WatcherError(ILogger logger, Exception? exception, string rulesDirectory);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Error, Message = "A {EventName} handler of the rule set provider threw; the other handlers still ran")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string eventName);

    [LoggerMessage(EventId = 2009, Level = LogLevel.Warning, Message = "The rules folder {RulesDirectory} does not exist, so it is not watched; only an explicit reload reads it")]
    public static partial void NotWatched(ILogger logger, string rulesDirectory);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Warning, Message = "The rules folder {RulesDirectory} cannot be watched; only an explicit reload reads it")]
    public static partial void WatchFailed(ILogger logger, Exception exception, string rulesDirectory);
}
