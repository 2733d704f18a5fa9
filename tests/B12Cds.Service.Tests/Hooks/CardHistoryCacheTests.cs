using B12Cds.Service.Hooks;
using B12Cds.Service.Tests.Infrastructure;
using B12Cds.Storage;
using Microsoft.Extensions.Options;

namespace B12Cds.Service.Tests.Hooks;

/// <summary>The in-memory card history against a real (SQLite) store.</summary>
public sealed class CardHistoryCacheTests : IAsyncLifetime
{
    private const string PatientView = "b12-patient-view";
    private const string OrderSign = "b12-order-sign";
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("b12cds-history-").FullName;
    private readonly ManualTimeProvider _clock = new(Start);
    private readonly ServiceOptions _options = new() { RepeatWindow = TimeSpan.FromHours(12), CardHistoryRefresh = TimeSpan.FromSeconds(30), CardHistoryCapacity = 10 };
    private SqliteCdsStore Store { get; set; } = null!;
    private CardHistoryCache _cache = null!;

    public async Task InitializeAsync()
    {
        Store = new SqliteCdsStore(Path.Combine(_folder, "b12cds.db"), _clock);
        await Store.InitializeAsync();
        _cache = new CardHistoryCache(Store, _clock, Options.Create(_options));
    }

    public async Task DisposeAsync()
    {
        await Store.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task First_lookup_reads_theStore()
    {
        await Store.RecordShownCardsAsync([Shown("p1", "RG-01", OrderSign)]);
        await Store.RecordFeedbackAsync([], [new Suppression("p1", "DX-04", Start.AddDays(7), "snooze-1-week", null)]);

        var keys = await _cache.SuppressedAsync("p1", PatientView, CancellationToken.None);

        Assert.Equal(["DX-04", "RG-01"], keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Writes_by_another_instance_are_seen_once_the_refresh_time_has_passed()
    {
        Assert.Empty(await _cache.SuppressedAsync("p1", PatientView, CancellationToken.None));

        // Another instance sharing the database shows a card.
        await Store.RecordShownCardsAsync([Shown("p1", "RG-01", OrderSign)]);

        Assert.Empty(await _cache.SuppressedAsync("p1", PatientView, CancellationToken.None));
        _clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(["RG-01"], await _cache.SuppressedAsync("p1", PatientView, CancellationToken.None));
    }

    [Fact]
    public async Task What_this_instance_shows_or_snoozes_counts_at_once_before_it_isStored()
    {
        Assert.Empty(await _cache.SuppressedAsync("p1", PatientView, CancellationToken.None));

        _cache.Shown([Shown("p1", "RG-01", OrderSign), Shown("p2", "RG-03", OrderSign)]);
        _cache.Snoozed([new Suppression("p1", "DX-04", Start.AddDays(7), "snooze-1-week", null)]);

        Assert.Equal(["DX-04", "RG-01"], (await _cache.SuppressedAsync("p1", PatientView, CancellationToken.None)).Order(StringComparer.Ordinal));
        Assert.Equal(["RG-03"], await _cache.SuppressedAsync("p2", PatientView, CancellationToken.None));
        Assert.DoesNotContain("RG-01", await _cache.SuppressedAsync("p1", OrderSign, CancellationToken.None));
    }

    [Fact]
    public async Task A_refresh_keeps_what_is_notStored_yet()
    {
        await _cache.SuppressedAsync("p1", PatientView, CancellationToken.None);
        _cache.Shown([Shown("p1", "RG-01", OrderSign)]);
        await Store.RecordFeedbackAsync([], [new Suppression("p1", "DX-04", Start.AddDays(7), "snooze-1-week", null)]);

        _clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(["DX-04", "RG-01"], (await _cache.SuppressedAsync("p1", PatientView, CancellationToken.None)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Past_the_capacity_the_least_recently_used_patients_are_forgotten()
    {
        for (var i = 0; i < 11; i++)
        {
            await _cache.SuppressedAsync($"p{i}", PatientView, CancellationToken.None);
            _clock.Advance(TimeSpan.FromMilliseconds(1));
        }

        Assert.Equal(11, _cache.Count);
        await _cache.SuppressedAsync("p11", PatientView, CancellationToken.None);

        Assert.Equal(10, _cache.Count);
        _cache.Shown([Shown("p0", "RG-01", OrderSign)]);
        Assert.Equal(11, _cache.Count);
    }

    [Fact]
    public async Task A_failingStore_fails_the_lookup_and_is_asked_again_next_time()
    {
        await _cache.SuppressedAsync("p0", PatientView, CancellationToken.None);
        await Store.DisposeAsync();
        File.Delete(Path.Combine(_folder, "b12cds.db"));
        Directory.Delete(_folder, recursive: true);
        File.WriteAllText(_folder, "not a folder");
        try
        {
            await Assert.ThrowsAnyAsync<Exception>(() => _cache.SuppressedAsync("p1", PatientView, CancellationToken.None).AsTask());
            await Assert.ThrowsAnyAsync<Exception>(() => _cache.SuppressedAsync("p1", PatientView, CancellationToken.None).AsTask());
            Assert.Empty(await _cache.SuppressedAsync("p0", PatientView, CancellationToken.None));
        }
        finally
        {
            File.Delete(_folder);
            Directory.CreateDirectory(_folder);
        }
    }

    [Fact]
    public void Capacity_and_refresh_are_checked()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CardHistoryCache(Store, _clock, Options.Create(new ServiceOptions { CardHistoryCapacity = 0 })));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CardHistoryCache(Store, _clock, Options.Create(new ServiceOptions { CardHistoryRefresh = TimeSpan.FromSeconds(-1) })));
    }

    private ShownCard Shown(string patient, string key, string service) =>
        new(Guid.NewGuid().ToString(), key, patient, service, "order-sign", Guid.NewGuid().ToString(), _clock.GetUtcNow());
}
