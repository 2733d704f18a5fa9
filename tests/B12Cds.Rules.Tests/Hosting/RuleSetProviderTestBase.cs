using B12Cds.Facts.Extraction;
using B12Cds.Facts.Model;
using B12Cds.Fhir.Json;
using B12Cds.Rules.Hosting;
using B12Cds.Rules.Model;

namespace B12Cds.Rules.Tests.Hosting;

/// <summary>
/// What the <see cref="RuleSetProvider"/> tests share: a fresh copy of rules/ per test (deleted afterwards), a logger
/// that keeps every entry, providers disposed after each test, and waits on the provider's events.
/// </summary>
public abstract class RuleSetProviderTestBase : IDisposable
{
    protected static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    protected static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(150);
    protected static readonly DateTimeOffset At = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly List<RuleSetProvider> _providers = [];

    internal TempRulesFolder Folder { get; } = TempRulesFolder.Create();

    internal ListLogger<RuleSetProvider> Logger { get; } = new();

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (!disposing)
        {
            return;
        }

        foreach (var provider in _providers)
        {
            provider.Dispose();
        }

        Folder.Dispose();
    }

    /// <summary>The active rule set, or a failure that lists why the copied rules folder did not load.</summary>
    protected static RuleSet Ready(RuleSetProvider provider) =>
        provider.Current ?? throw new Xunit.Sdk.XunitException($"The copy of rules/ does not load:{Environment.NewLine}{string.Join(Environment.NewLine, provider.LastDiagnostics.Where(d => d.IsError))}");

    /// <summary>The id of the first rule of the file the edits go to.</summary>
    protected string FirstRuleId(RuleSet ruleSet) => ruleSet.Rules.First(r => r.Location.File == Folder.RuleFile).Id;

    protected static IReadOnlyList<Fact> SampleFacts(RuleSet ruleSet, string sample)
    {
        var bytes = File.ReadAllBytes(Path.Combine(TempRulesFolder.RepoRoot, "fhir-samples", sample));
        return new FactExtractor(ruleSet.Terminology).Extract(new FhirJsonParser().Parse(bytes), At).Facts;
    }

    protected static Task<RuleSetChangedEventArgs> NextChanged(RuleSetProvider provider, Func<RuleSetChangedEventArgs, bool>? when = null)
    {
        var tcs = new TaskCompletionSource<RuleSetChangedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        provider.Changed += (_, e) =>
        {
            if (when is null || when(e))
            {
                tcs.TrySetResult(e);
            }
        };
        return tcs.Task;
    }

    protected static Task<RuleSetRejectedEventArgs> NextRejected(RuleSetProvider provider)
    {
        var tcs = new TaskCompletionSource<RuleSetRejectedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        provider.Rejected += (_, e) => tcs.TrySetResult(e);
        return tcs.Task;
    }

    protected static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current && Interlocked.CompareExchange(ref target, value, current) is var seen && seen != current)
        {
            current = seen;
        }
    }

    protected RuleSetProvider CreateWatching(TimeSpan? debounce = null) =>
        Track(new RuleSetProvider(Folder.Path, Logger, TimeProvider.System, new RuleSetProviderOptions { Debounce = debounce ?? Debounce }));

    protected RuleSetProvider Track(RuleSetProvider provider)
    {
        _providers.Add(provider);
        return provider;
    }
}
