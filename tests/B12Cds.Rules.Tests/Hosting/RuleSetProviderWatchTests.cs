using B12Cds.Facts.Model;
using B12Cds.Rules.Hosting;
using B12Cds.Rules.Loading;
using Microsoft.Extensions.Logging;

namespace B12Cds.Rules.Tests.Hosting;

/// <summary>
/// Hot reload through the folder watcher. Each test waits on the provider's events (with generous timeouts for a
/// loaded machine) rather than sleeping; the only fixed waits check that nothing more happens.
/// </summary>
public sealed class RuleSetProviderWatchTests : RuleSetProviderTestBase
{
    [Fact]
    public async Task Watcher_ValidEdit_SwapsInNewRuleSetAndRaisesChanged()
    {
        // Arrange
        var provider = CreateWatching();
        var before = Ready(provider);
        var ruleId = FirstRuleId(before);
        var changed = NextChanged(provider, e => e.Current.ById[ruleId].Title == "Edited title");

        // Act
        Folder.SetFirstTitle("Edited title", atomic: false);
        var args = await changed.WaitAsync(Timeout);

        // Assert
        Assert.Same(before, args.Previous);
        Assert.Same(args.Current, provider.Current);
        Assert.NotSame(before, provider.Current);
        Assert.Equal("Edited title", provider.Current!.ById[ruleId].Title);
        Assert.NotEqual(before.ById[ruleId].Title, provider.Current.ById[ruleId].Title);
    }

    [Fact]
    public async Task Watcher_InvalidEdit_KeepsPreviousInstanceAndReportsFileAndLine()
    {
        // Arrange
        var provider = CreateWatching();
        var before = Ready(provider);
        var rejected = NextRejected(provider);

        // Act
        var (line, column) = Folder.BreakFirstRule();
        var args = await rejected.WaitAsync(Timeout);

        // Assert
        Assert.Same(before, provider.Current);
        Assert.Same(before, args.Active);
        Assert.Null(args.Exception);
        var error = Assert.Single(args.Errors);
        Assert.Equal(RuleDiagnosticIds.UnknownKey, error.Id);
        Assert.Equal(Folder.RuleFile, error.Location.File);
        Assert.Equal(line, error.Location.Line);
        Assert.Equal(column, error.Location.Column);
        Assert.Same(args.Diagnostics, provider.LastDiagnostics);
        Assert.Contains(Logger.WithId(2002), e => e.Level == LogLevel.Warning);
        Assert.Contains(Logger.WithId(2003), e => e.Level == LogLevel.Warning && e.Message.StartsWith($"{Folder.RuleFile}:{line}:{column}: error RULE002", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Watcher_BurstOfTenWrites_ReloadsABoundedNumberOfTimes()
    {
        // Arrange
        var provider = CreateWatching(TimeSpan.FromMilliseconds(200));
        var ruleId = FirstRuleId(Ready(provider));
        var reloads = 0;
        provider.Changed += (_, _) => Interlocked.Increment(ref reloads);
        provider.Rejected += (_, _) => Interlocked.Increment(ref reloads);
        var last = NextChanged(provider, e => e.Current.ById[ruleId].Title == "Burst 10");

        // Act
        for (var i = 1; i <= 10; i++)
        {
            Folder.SetFirstTitle($"Burst {i}", atomic: false);
        }

        await last.WaitAsync(Timeout);
        await Task.Delay(TimeSpan.FromMilliseconds(500));

        // Assert
        Assert.Equal("Burst 10", provider.Current!.ById[ruleId].Title);
        Assert.InRange(Volatile.Read(ref reloads), 1, 3);
    }

    [Fact]
    public async Task Dispose_AfterwardsEdits_AreNotReloaded()
    {
        // Arrange
        var provider = CreateWatching();
        var before = Ready(provider);
        var ruleId = FirstRuleId(before);
        var reloads = 0;
        provider.Changed += (_, _) => Interlocked.Increment(ref reloads);
        provider.Rejected += (_, _) => Interlocked.Increment(ref reloads);

        // Act
        provider.Dispose();
        Folder.SetFirstTitle("Edited after dispose");
        await Task.Delay(Debounce * 3);

        // Assert
        Assert.Equal(0, Volatile.Read(ref reloads));
        Assert.Same(before, provider.Current);
        Assert.NotEqual("Edited after dispose", provider.Current!.ById[ruleId].Title);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => provider.ReloadAsync());
    }

    [Fact]
    public async Task Watcher_LoaderThrows_KeepsPreviousAndRetriesOnNextChange()
    {
        // Arrange
        var calls = 0;
        var provider = Track(new RuleSetProvider(Folder.Path, Logger, TimeProvider.System, new RuleSetProviderOptions { Debounce = Debounce }, dir =>
            Interlocked.Increment(ref calls) == 2 ? throw new IOException("The file is being written.") : RuleSetLoader.LoadDirectory(dir)));
        var before = Ready(provider);
        var ruleId = FirstRuleId(before);
        var rejected = NextRejected(provider);

        // Act
        Folder.SetFirstTitle("Half saved");
        var failure = await rejected.WaitAsync(Timeout);
        var changed = NextChanged(provider, e => e.Current.ById[ruleId].Title == "Saved");
        Folder.SetFirstTitle("Saved");
        var recovered = await changed.WaitAsync(Timeout);

        // Assert
        Assert.IsType<IOException>(failure.Exception);
        Assert.Same(before, failure.Active);
        Assert.Contains("being written", Assert.Single(failure.Errors).Message, StringComparison.Ordinal);
        Assert.Contains(Logger.WithId(2004), e => e.Level == LogLevel.Error && e.Exception is IOException);
        Assert.Same(before, recovered.Previous);
        Assert.Equal("Saved", provider.Current!.ById[ruleId].Title);
    }
}
