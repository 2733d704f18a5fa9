using B12Cds.Facts.Terminology;

namespace B12Cds.Rules.Model;

/// <summary>A rule's metadata, as the rule file states it (NRules' name, description, tags and priority, plus Arden-style maintenance slots).</summary>
public sealed record RuleHeader
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public required string Area { get; init; }

    public int Priority { get; init; }

    public RuleStatus Status { get; init; } = RuleStatus.Active;

    public IReadOnlyList<string> Profiles { get; init => field = value ?? []; } = [];

    public IReadOnlyList<Citation> Citations { get; init => field = value ?? []; } = [];

    public string? Description { get; init; }

    public required SourceLocation Location { get; init; }

    public int Order { get; init; }
}
