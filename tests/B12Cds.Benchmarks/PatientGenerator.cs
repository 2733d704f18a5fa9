using B12Cds.Facts.Extraction;
using B12Cds.Facts.Model;
using B12Cds.Facts.Terminology;
using B12Cds.Fhir.Json;
using B12Cds.Fhir.Model;

namespace B12Cds.Benchmarks;

/// <summary>
/// A synthetic patient of M facts: the facts of <c>fhir-samples/large-50-resources.json</c>, then more copies of
/// them, each copy dated <see cref="ShiftDays"/> days before the one after it (a longer history of the same
/// patient), with its own resource ids so every copy is a distinct fact.
/// </summary>
internal static class PatientGenerator
{
    /// <summary>How far back each copy is moved: copy k is dated k × 30 days earlier, so 100 copies span about 8 years.</summary>
    public const int ShiftDays = 30;

    /// <summary>The evaluation time the benchmarks use (the samples' reference date).</summary>
    public static readonly DateTimeOffset At = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Reads the 50-resource sample bundle into facts with the given value sets.</summary>
    public static IReadOnlyList<Fact> SampleFacts(TerminologyCatalog terminology)
    {
        var bytes = File.ReadAllBytes(RepoFiles.Sample("large-50-resources.json"));
        return new FactExtractor(terminology).Extract(new FhirJsonParser().Parse(bytes), At).Facts;
    }

    /// <summary>
    /// The sample's facts <paramref name="scale"/> times over (the patient fact once): 1 gives the sample as it is,
    /// 10 and 100 ten and a hundred times as many facts.
    /// </summary>
    public static IReadOnlyList<Fact> Scale(IReadOnlyList<Fact> facts, int scale)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(scale);
        var result = new List<Fact>(facts.Count * scale);
        result.AddRange(facts);
        for (var copy = 1; copy < scale; copy++)
        {
            var shift = TimeSpan.FromDays(-ShiftDays * copy);
            foreach (var fact in facts)
            {
                if (fact is not PatientFact)
                {
                    result.Add(Shifted(fact, shift, copy));
                }
            }
        }

        return result;
    }

    private static Fact Shifted(Fact fact, TimeSpan shift, int copy)
    {
        var source = fact.Source with
        {
            Id = $"{fact.Source.Id}-copy{copy}",
            Reference = fact.Source.Reference is { } r ? $"{r}-copy{copy}" : null,
        };
        return fact switch
        {
            LabResult l => l with { Source = source, Effective = Shift(l.Effective, shift) },
            Finding f => f with { Source = source, Onset = Shift(f.Onset, shift), Abatement = Shift(f.Abatement, shift), Recorded = Shift(f.Recorded, shift) },
            MedicationUse m => m with { Source = source, Start = Shift(m.Start, shift), End = Shift(m.End, shift) },
            MedicationGiven g => g with { Source = source, Effective = Shift(g.Effective, shift) },
            ProcedureFact p => p with { Source = source, Performed = Shift(p.Performed, shift) },
            AllergyFact a => a with { Source = source },
            _ => fact,
        };
    }

    private static FhirDateTime Shift(FhirDateTime value, TimeSpan shift) => FhirDateTime.FromInstant(value.Start + shift);

    private static FhirDateTime? Shift(FhirDateTime? value, TimeSpan shift) => value is { } v ? Shift(v, shift) : null;
}
