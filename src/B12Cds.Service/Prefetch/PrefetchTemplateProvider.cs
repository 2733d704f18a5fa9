using System.Collections.Concurrent;
using B12Cds.Rules.Model;
using Microsoft.Extensions.Options;

namespace B12Cds.Service.Prefetch;

/// <summary>
/// The templates for discovery and hook calls, with the configured options and the service clock: computed once per
/// rule set, hook and day (the lab date bound moves daily), then reused.
/// </summary>
/// <remarks>A singleton; thread-safe.</remarks>
public sealed class PrefetchTemplateProvider
{
    private readonly ConcurrentDictionary<(string Version, string Hook, DateOnly Day), IReadOnlyList<PrefetchTemplate>> _cache = new();
    private readonly PrefetchOptions _options;
    private readonly TimeProvider _time;

    /// <summary>Initializes a new instance of the <see cref="PrefetchTemplateProvider"/> class.</summary>
    public PrefetchTemplateProvider(IOptions<PrefetchOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _time = time;
    }

    /// <summary>Gets the templates of <paramref name="hook"/> for <paramref name="ruleSet"/> as of now.</summary>
    /// <exception cref="ArgumentException"><paramref name="hook"/> is not one of <see cref="PrefetchTemplates.Hooks"/>.</exception>
    public IReadOnlyList<PrefetchTemplate> For(RuleSet ruleSet, string hook)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        var now = _time.GetUtcNow();
        var key = (ruleSet.Version, hook, DateOnly.FromDateTime(now.UtcDateTime));
        if (_cache.TryGetValue(key, out var templates))
        {
            return templates;
        }

        if (_cache.Count > 64)
        {
            _cache.Clear(); // old days and replaced rule sets
        }

        return _cache.GetOrAdd(key, _ => PrefetchTemplates.For(ruleSet, hook, now, _options));
    }
}
