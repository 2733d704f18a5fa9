using B12Cds.Facts.Terminology;

namespace B12Cds.Rules.Scenarios;

/// <summary>
/// One scenario of a <c>*.scenarios.yaml</c> file: FHIR data, an evaluation time and a profile, and what the rule set
/// must and must not do with them.
/// </summary>
public sealed record Scenario
{
    /// <summary>Gets the scenario's name, unique within its file.</summary>
    public required string Name { get; init; }

    /// <summary>Gets where the scenario starts in its file (the file is as the reader was given it).</summary>
    public required SourceLocation Location { get; init; }

    /// <summary>Gets the evaluation time: look-back windows end here and facts dated after it are not seen.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>Gets the evaluation time as written (a FHIR date or dateTime).</summary>
    public required string AtText { get; init; }

    /// <summary>Gets the regimen profile, <c>us</c> (the default) or <c>uk</c>.</summary>
    public string Profile { get; init; } = "us";

    /// <summary>Gets a value indicating whether draft rules run too.</summary>
    public bool IncludeDrafts { get; init; }

    /// <summary>Gets the FHIR data the scenario evaluates.</summary>
    public required ScenarioInput Given { get; init; }

    /// <summary>Gets what must and must not happen.</summary>
    public required ScenarioExpectation Expect { get; init; }

    /// <summary>Gets the scenario file.</summary>
    public string File => Location.File;

    /// <inheritdoc/>
    public override string ToString() => $"{Location.File}:{Location.Line} {Name}";
}
