using System.Net;
using System.Text.Json.Nodes;
using B12Cds.Service.Tests.Infrastructure;

namespace B12Cds.Service.Tests.Hooks;

/// <summary>Feedback, snoozes and the repeat window across hooks, through the real host and its SQLite store.</summary>
public sealed class FeedbackTests : IDisposable
{
    private const string PatientView = "/cds-services/b12-patient-view";
    private const string Sample = "pernicious-anaemia-neuro.json";

    private readonly ServiceFactory _factory = new();
    private readonly HttpClient _client;

    public FeedbackTests() => _client = _factory.CreateClient();

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    private static JsonObject Feedback(string card, string outcome, string? reasonCode = null, string? timestamp = null, string? suggestion = null)
    {
        var entry = new JsonObject { ["card"] = card, ["outcome"] = outcome, ["outcomeTimestamp"] = timestamp ?? "2026-11-01T12:05:00Z" };
        if (reasonCode is not null)
        {
            entry["overrideReason"] = new JsonObject
            {
                ["reason"] = new JsonObject { ["system"] = "urn:b12cds:override-reason", ["code"] = reasonCode, ["display"] = "x" },
                ["userComment"] = "seen in clinic",
            };
        }

        if (suggestion is not null)
        {
            entry["acceptedSuggestions"] = new JsonArray(new JsonObject { ["id"] = suggestion });
        }

        return new JsonObject { ["feedback"] = new JsonArray(entry) };
    }

    private async Task<IReadOnlyList<JsonObject>> CardsAsync(string service = PatientView, string hook = "patient-view")
    {
        var answer = await _client.PostAsync(service, HookRequests.FromSample(Sample, hook));
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        return answer.Cards();
    }

    [Fact]
    public async Task A_snooze_hides_that_card_for_that_patient_until_the_period_ends()
    {
        var cards = await CardsAsync();
        var snoozed = cards[0];
        await _factory.FlushAuditAsync();

        var answer = await _client.PostAsync(PatientView + "/feedback", Feedback((string)snoozed["uuid"]!, "overridden", "snooze-1-month"));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(1, (int)answer.Body!["stored"]!);
        Assert.Equal((string)snoozed["uuid"]!, (string?)answer.Body!["suppressions"]![0]!["card"]);
        var during = await CardsAsync();
        Assert.DoesNotContain(during, c => c.Rule() == snoozed.Rule());
        Assert.Equal(cards.Count - 1, during.Count);

        _factory.Clock.Advance(TimeSpan.FromDays(31));
        var after = await CardsAsync();
        Assert.Contains(after, c => c.Rule() == snoozed.Rule());
    }

    [Fact]
    public async Task A_snooze_sent_the_moment_the_card_is_shown_finds_its_card_before_the_audit_is_written()
    {
        // No flush: the card is still in the audit writer's queue (it gathers for 50 ms) when the feedback arrives.
        // Both endpoints answer once first, so the second pair runs well inside those 50 ms.
        await CardsAsync();
        await _client.PostAsync(PatientView + "/feedback", Feedback(Guid.NewGuid().ToString(), "accepted"));
        var snoozed = (await CardsAsync())[0];

        var answer = await _client.PostAsync(PatientView + "/feedback", Feedback((string)snoozed["uuid"]!, "overridden", "snooze-1-week"));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal((string)snoozed["uuid"]!, (string?)answer.Body!["suppressions"]![0]!["card"]);
        Assert.DoesNotContain(await CardsAsync(), c => c.Rule() == snoozed.Rule());
    }

    [Fact]
    public async Task Other_override_reasons_and_acceptance_are_stored_but_hide_nothing()
    {
        var cards = await CardsAsync();
        await _factory.FlushAuditAsync();

        var overridden = await _client.PostAsync(PatientView + "/feedback", Feedback((string)cards[0]["uuid"]!, "overridden", "not-relevant"));
        var accepted = await _client.PostAsync(PatientView + "/feedback", Feedback((string)cards[0]["uuid"]!, "accepted", suggestion: "11111111-1111-1111-1111-111111111111"));

        Assert.Equal(HttpStatusCode.OK, overridden.Status);
        Assert.Empty(overridden.Body!["suppressions"]!.AsArray());
        Assert.Equal(HttpStatusCode.OK, accepted.Status);
        Assert.Equal(cards.Count, (await CardsAsync()).Count);
    }

    [Fact]
    public async Task Feedback_on_an_unknown_card_is_stored_without_a_suppression()
    {
        var answer = await _client.PostAsync(PatientView + "/feedback", Feedback(Guid.NewGuid().ToString(), "overridden", "snooze-1-week"));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Empty(answer.Body!["suppressions"]!.AsArray());
    }

    [Theory]
    [InlineData("""{"feedback":[{"card":"c","outcome":"dismissed","outcomeTimestamp":"2026-11-01T12:00:00Z"}]}""", "feedback[0].outcome")]
    [InlineData("""{"feedback":[{"card":"c","outcome":"accepted","outcomeTimestamp":"2026-11-01T12:00:00Z"}]}""", "feedback[0].acceptedSuggestions")]
    [InlineData("""{"feedback":[{"outcome":"overridden","outcomeTimestamp":"2026-11-01T12:00:00Z"}]}""", "feedback[0].card")]
    [InlineData("""{"feedback":[{"card":"c","outcome":"overridden","outcomeTimestamp":"yesterday"}]}""", "feedback[0].outcomeTimestamp")]
    [InlineData("""{"feedback":[{"card":"c","outcome":"overridden"}]}""", "feedback[0].outcomeTimestamp")]
    [InlineData("""{"cards":[]}""", "feedback")]
    public async Task Bad_feedback_is_400_naming_the_entry_and_stores_nothing(string body, string expression)
    {
        var answer = await _client.PostAsync(PatientView + "/feedback", body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(expression, (string?)answer.Body!["issue"]![0]!["expression"]![0]);
    }

    [Fact]
    public async Task Feedback_to_an_unknown_service_is_404()
    {
        var answer = await _client.PostAsync("/cds-services/nope/feedback", Feedback("c", "overridden"));

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
    }

    [Fact]
    public async Task A_card_shown_by_one_hook_is_not_repeated_by_another_within_the_window()
    {
        var viewed = await CardsAsync();
        await _factory.FlushAuditAsync();

        var signed = await CardsAsync("/cds-services/b12-order-sign", "order-sign");
        var viewedAgain = await CardsAsync();

        Assert.DoesNotContain(signed, c => viewed.Any(v => v.Rule() == c.Rule()));
        Assert.Equal(viewed.Select(c => c.Rule()), viewedAgain.Select(c => c.Rule()));

        _factory.Clock.Advance(TimeSpan.FromHours(13));
        var signedLater = await CardsAsync("/cds-services/b12-order-sign", "order-sign");
        Assert.Contains(signedLater, c => viewed.Any(v => v.Rule() == c.Rule()));
    }
}
