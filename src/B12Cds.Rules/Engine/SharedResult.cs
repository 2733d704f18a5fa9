using B12Cds.Facts.Model;

namespace B12Cds.Rules.Engine;

/// <summary>
/// What one <see cref="SharedPattern"/> found in an evaluation, by how it was asked: whether any fact matches (not,
/// exists), which one is selected (latest, min…), or all of them (count, trend). Valid while its candidates number
/// <see cref="CandidateCount"/>.
/// </summary>
internal sealed class SharedResult
{
    public SharedResult(int candidateCount)
    {
        CandidateCount = candidateCount;
    }

    /// <summary>Gets how many candidates there were when it was worked out.</summary>
    public int CandidateCount { get; }

    /// <summary>Gets or sets whether any fact matches; null until asked.</summary>
    public bool? Any { get; set; }

    /// <summary>Gets or sets a value indicating whether <see cref="Selected"/> has been worked out.</summary>
    public bool HasSelected { get; set; }

    /// <summary>Gets or sets the fact selected (null for none).</summary>
    public Fact? Selected { get; set; }

    /// <summary>Gets or sets every matching fact, in candidate order; null until asked. Shared by the aggregates made of it, never changed.</summary>
    public List<Fact>? All { get; set; }
}
