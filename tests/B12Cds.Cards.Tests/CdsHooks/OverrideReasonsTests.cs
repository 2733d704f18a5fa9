using B12Cds.Cards.CdsHooks;

namespace B12Cds.Cards.Tests.CdsHooks;

public sealed class OverrideReasonsTests
{
    private static readonly DateTimeOffset Given = new(2026, 1, 31, 9, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("snooze-1-week", "2026-02-07T09:30:00Z")]
    [InlineData("snooze-1-month", "2026-02-28T09:30:00Z")]
    [InlineData("snooze-3-months", "2026-04-30T09:30:00Z")]
    public void A_snooze_code_ends_after_the_period_it_names_in_calendar_terms(string code, string until)
    {
        Assert.Equal(DateTimeOffset.Parse(until, System.Globalization.CultureInfo.InvariantCulture), OverrideReasons.SnoozeUntil(B12CdsUris.OverrideReason, code, Given));
    }

    [Theory]
    [InlineData("urn:b12cds:override-reason", "not-relevant")]
    [InlineData("urn:b12cds:override-reason", "already-treated")]
    [InlineData("urn:b12cds:override-reason", null)]
    [InlineData("http://example.org/ehr-reasons", "snooze-1-month")]
    [InlineData(null, "snooze-1-month")]
    public void Other_reasons_and_other_systems_snooze_nothing(string? system, string? code)
    {
        Assert.Null(OverrideReasons.SnoozeUntil(system, code, Given));
    }

    [Fact]
    public void Every_snooze_code_offered_on_cards_has_a_period()
    {
        var snoozes = OverrideReasons.All.Where(r => r.Code!.StartsWith("snooze-", StringComparison.Ordinal)).ToList();

        Assert.Equal(3, snoozes.Count);
        Assert.All(snoozes, r => Assert.NotNull(OverrideReasons.SnoozeUntil(r.System, r.Code, Given)));
    }
}
