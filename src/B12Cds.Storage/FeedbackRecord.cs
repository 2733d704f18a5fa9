namespace B12Cds.Storage;

/// <summary>One CDS Hooks feedback entry for one card, as received.</summary>
public sealed record FeedbackRecord
{
    /// <summary>Gets the CDS service the feedback was posted to.</summary>
    public required string ServiceId { get; init; }

    /// <summary>Gets the <c>uuid</c> of the card the feedback is about.</summary>
    public required string CardUuid { get; init; }

    /// <summary>Gets the outcome: <c>accepted</c> or <c>overridden</c>.</summary>
    public required string Outcome { get; init; }

    /// <summary>Gets the uuids of the suggestions that were accepted.</summary>
    public IReadOnlyList<string> AcceptedSuggestions { get; init; } = [];

    /// <summary>Gets the override reason's code system, when one was given.</summary>
    public string? ReasonSystem { get; init; }

    /// <summary>Gets the override reason's code, when one was given.</summary>
    public string? ReasonCode { get; init; }

    /// <summary>Gets the clinician's free-text comment, when one was given.</summary>
    public string? UserComment { get; init; }

    /// <summary>Gets when the outcome happened, as the EHR reported it.</summary>
    public required DateTimeOffset OutcomeTimestamp { get; init; }

    /// <summary>Gets when the service received the feedback.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>Gets the patient's id, resolved from the shown card when known.</summary>
    public string? PatientId { get; init; }

    /// <summary>Gets the card key, resolved from the shown card when known.</summary>
    public string? CardKey { get; init; }
}
