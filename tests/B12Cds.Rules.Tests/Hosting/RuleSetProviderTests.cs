using System.Collections.Concurrent;
using B12Cds.Facts.Model;
using B12Cds.Rules.Engine;
using B12Cds.Rules.Hosting;
using B12Cds.Rules.Loading;
using B12Cds.Rules.Model;

namespace B12Cds.Rules.Tests.Hosting;

/// <summary>Loading, explicit reloads, disposal and handler failures of <see cref="RuleSetProvider"/>.</summary>
public sealed class RuleSetProviderTests : RuleSetProviderTestBase
{
    [Fact]
    public void Constructor_ValidFolder_LoadsAtOnceAndIsReady()
    {
        // Arrange
        var clock = new FixedClock(At);

        // Act
        var provider = Track(new RuleSetProvider(Folder.Path, Logger, clock, new RuleSetProviderOptions { Watch = false }));

        // Assert
        Assert.True(provider.IsReady);
        Assert.NotNull(provider.Current);
        Assert.NotEmpty(provider.Current.Rules);
        Assert.Equal(At, provider.LastLoaded);
        Assert.DoesNotContain(provider.LastDiagnostics, d => d.IsError);
        Assert.Single(Logger.WithId(2001));
    }

    [Fact]
    public async Task Constructor_FirstLoadFails_NotReadyUntilAFixLoads()
    {
        // Arrange
        var (line, _) = Folder.BreakFirstRule();
        var provider = Track(new RuleSetProvider(Folder.Path, Logger, TimeProvider.System, new RuleSetProviderOptions { Watch = false }));
        var notReady = (provider.IsReady, provider.Current, provider.LastLoaded, Diagnostics: provider.LastDiagnostics);
        var changed = NextChanged(provider);

        // Act
        Folder.Restore();
        var result = await provider.ReloadAsync();

        // Assert
        Assert.False(notReady.IsReady);
        Assert.Null(notReady.Current);
        Assert.Null(notReady.LastLoaded);
        Assert.Contains(notReady.Diagnostics, d => d.IsError && d.Location.Line == line);
        Assert.True(result.Succeeded);
        Assert.True(provider.IsReady);
        var args = await changed.WaitAsync(Timeout);
        Assert.Null(args.Previous);
        Assert.Same(provider.Current, args.Current);
        Assert.NotNull(provider.LastLoaded);
    }

    [Fact]
    public async Task ReloadAsync_EvaluationInFlight_KeepsTheRuleSetItTook()
    {
        // Arrange
        var provider = Track(new RuleSetProvider(Folder.Path, Logger, TimeProvider.System, new RuleSetProviderOptions { Watch = false }));
        var taken = Ready(provider);
        var ruleId = FirstRuleId(taken);
        var title = taken.ById[ruleId].Title;
        var facts = SampleFacts(taken, "vegan-dietary-deficiency.json");
        var context = new EvaluationContext(At, "uk");
        var first = RuleEngine.Instance.Evaluate(taken, facts, context);

        // Act
        Folder.SetFirstTitle("Edited while evaluating");
        var reload = await provider.ReloadAsync();
        var second = RuleEngine.Instance.Evaluate(taken, facts, context);

        // Assert
        Assert.True(reload.Succeeded);
        Assert.NotSame(taken, provider.Current);
        Assert.Equal("Edited while evaluating", provider.Current!.ById[ruleId].Title);
        Assert.Equal(title, taken.ById[ruleId].Title);
        Assert.Equal(first.RuleSetVersion, second.RuleSetVersion);
        Assert.Equal(taken.Version, second.RuleSetVersion);
        Assert.Equal(first.Firings.Select(f => f.Rule.Id), second.Firings.Select(f => f.Rule.Id));
        Assert.Equal(first.Cards.Select(c => c.Summary), second.Cards.Select(c => c.Summary));
    }

    [Fact]
    public async Task Dispose_ReloadInFlight_WaitsForItToFinish()
    {
        // Arrange
        using var entered = new ManualResetEventSlim();
        var finished = 0;
        var calls = 0;
        var provider = new RuleSetProvider(Folder.Path, Logger, TimeProvider.System, new RuleSetProviderOptions { Watch = false }, dir =>
        {
            if (Interlocked.Increment(ref calls) > 1)
            {
                entered.Set();
                Thread.Sleep(150);
                Interlocked.Exchange(ref finished, 1);
            }

            return RuleSetLoader.LoadDirectory(dir);
        });
        var reload = provider.ReloadAsync();
        Assert.True(entered.Wait(Timeout));

        // Act
        provider.Dispose();

        // Assert
        Assert.Equal(1, Volatile.Read(ref finished));
        Assert.True((await reload.WaitAsync(Timeout)).Succeeded);
    }

    [Fact]
    public async Task Reloads_ManyAtOnce_NeverOverlap()
    {
        // Arrange
        var running = 0;
        var maxRunning = 0;
        var provider = Track(new RuleSetProvider(Folder.Path, Logger, TimeProvider.System, new RuleSetProviderOptions { Debounce = TimeSpan.FromMilliseconds(100) }, dir =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref maxRunning, now);
            Thread.Sleep(20);
            Interlocked.Decrement(ref running);
            return RuleSetLoader.LoadDirectory(dir);
        }));

        // Act: explicit reloads and watcher reloads at the same time.
        var explicitReloads = Enumerable.Range(0, 4).Select(_ => Task.Run(() => provider.ReloadAsync())).ToList();
        for (var i = 0; i < 3; i++)
        {
            Folder.SetFirstTitle($"Overlap {i}");
        }

        var results = await Task.WhenAll(explicitReloads).WaitAsync(Timeout);
        var final = NextChanged(provider);
        Folder.SetFirstTitle("Overlap done");
        await final.WaitAsync(Timeout);

        // Assert
        Assert.Equal(1, Volatile.Read(ref maxRunning));
        Assert.All(results, r => Assert.True(r.Succeeded));
    }

    [Fact]
    public async Task Watch_Disabled_OnlyExplicitReloadPicksUpEdits()
    {
        // Arrange
        var provider = Track(new RuleSetProvider(Folder.Path, Logger, TimeProvider.System, new RuleSetProviderOptions { Watch = false, Debounce = Debounce }));
        var before = Ready(provider);
        var ruleId = FirstRuleId(before);

        // Act
        Folder.SetFirstTitle("Not watched");
        await Task.Delay(Debounce * 2);
        var unchanged = provider.Current;
        await provider.ReloadAsync();

        // Assert
        Assert.Same(before, unchanged);
        Assert.Equal("Not watched", provider.Current!.ById[ruleId].Title);
        Assert.Empty(Logger.WithId(2005));
    }

    [Fact]
    public async Task Changed_HandlerThrows_OtherHandlersRunAndReloadingGoesOn()
    {
        // Arrange
        var provider = Track(new RuleSetProvider(Folder.Path, Logger, TimeProvider.System, new RuleSetProviderOptions { Watch = false }));
        var secondRan = 0;
        provider.Changed += (_, _) => throw new InvalidOperationException("subscriber bug");
        provider.Changed += (_, _) => Interlocked.Increment(ref secondRan);

        // Act
        var first = await provider.ReloadAsync();
        var second = await provider.ReloadAsync();

        // Assert
        Assert.True(first.Succeeded && second.Succeeded);
        Assert.Equal(2, Volatile.Read(ref secondRan));
        Assert.Equal(2, Logger.WithId(2008).Count);
    }

    [Fact]
    public async Task Current_ConcurrentReadersDuringReloads_NeverSeeNull()
    {
        // Arrange
        var provider = Track(new RuleSetProvider(Folder.Path, Logger, TimeProvider.System, new RuleSetProviderOptions { Watch = false }));
        using var stop = new CancellationTokenSource();
        var seen = new ConcurrentDictionary<RuleSet, byte>(ReferenceEqualityComparer.Instance);
        var nulls = 0;
        var reads = 0L;

        // Dedicated threads: spinning readers on the thread pool would starve the reloads on a 2-core machine.
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Factory.StartNew(
            () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    if (provider.Current is { } current)
                    {
                        seen.TryAdd(current, 0);
                    }
                    else
                    {
                        Interlocked.Increment(ref nulls);
                    }

                    if ((Interlocked.Increment(ref reads) & 0x0F) == 0)
                    {
                        Thread.Yield();
                    }
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default)).ToList();

        // Act: valid and invalid edits, each reloaded while the readers run.
        for (var i = 0; i < 2; i++)
        {
            Folder.SetFirstTitle($"Concurrent {i}");
            await provider.ReloadAsync();
            Folder.BreakFirstRule();
            await provider.ReloadAsync();
        }

        Folder.SetFirstTitle("Concurrent final");
        await provider.ReloadAsync();
        await stop.CancelAsync();
        await Task.WhenAll(readers).WaitAsync(Timeout);

        // Assert
        Assert.Equal(0, nulls);
        Assert.True(Interlocked.Read(ref reads) > 0);
        Assert.True(seen.Count >= 2, $"readers saw {seen.Count} rule set(s)");
        Assert.True(provider.IsReady);
    }
}
