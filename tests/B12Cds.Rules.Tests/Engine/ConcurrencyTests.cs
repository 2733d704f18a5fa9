using System.Collections.Concurrent;
using System.Text;
using B12Cds.Facts.Model;
using B12Cds.Rules.Engine;
using B12Cds.Rules.Tests.Support;
using static B12Cds.Rules.Tests.Support.TestFacts;

namespace B12Cds.Rules.Tests.Engine;

/// <summary>One loaded rule set serves many threads at once, and an evaluation is a pure function of its inputs.</summary>
public sealed class ConcurrencyTests : RuleTestFixture
{
    private const int Patients = 200;
    private const int Threads = 8;

    /// <summary>Chaining, negation, selection, aggregates, joins, templates and a CarePlan: most of the engine.</summary>
    private static readonly string Rules = RuleFileWithDerived(
        """
        b12-status:
          fields: { state: text, result: lab }
        """,
        Rule(
            "DX-01",
            """
            - lab: b12-total
              as: b12
              select: latest
              within: 180 days
              where: reported < 180 ng/L or reported < 133 pmol/L
            """,
            """
            - derive: b12-status
              with: { state: deficient, result: b12 }
            - card: { indicator: warning, summary: "B12 {b12.result} on {b12.effective:date}" }
            """,
            "priority: 100"),
        Rule(
            "DX-02",
            """
            - lab: b12-total
              as: b12
              select: latest
            - not:
                b12-status:
            """,
            "- card: { indicator: info, summary: \"B12 {b12.value} not low\" }"),
        Rule(
            "RG-01",
            """
            - b12-status:
              as: s
            - not: { finding: neurological-features }
            """,
            """
            - card: { indicator: warning, summary: "Treat: {s.result.reported}" }
            - careplan: uk-test-im
            """,
            "profiles: [uk]\npriority: 50"),
        Rule(
            "MD-01",
            """
            - medication: metformin
              as: met
            - lab: b12-total
              where: effective > met.start
            """),
        Rule(
            "NR-01",
            """
            - trend: { lab: hemoglobin, within: 1 year }
              where: change < 10 g/L and days >= 56
            - count: { administration: b12-replacement, within: 6 months }
              where: count >= 3
            """));

    [Fact]
    public void Evaluate_OneRuleSetOnEightThreads_SameResultsAsSequentially()
    {
        // Arrange
        var ruleSet = GivenRules(Rules, regimensYaml: TestRegimens);
        var charts = Enumerable.Range(0, Patients).Select(Chart).ToList();
        var context = new EvaluationContext(Now, "uk");
        var expected = charts.Select(c => Signature(RuleEngine.Instance.Evaluate(ruleSet, c, context))).ToList();
        var actual = new ConcurrentBag<(int Patient, string Signature)>();

        // Act
        Parallel.For(0, Threads * Patients, new ParallelOptions { MaxDegreeOfParallelism = Threads }, i =>
        {
            var patient = i % Patients;
            actual.Add((patient, Signature(RuleEngine.Instance.Evaluate(ruleSet, charts[patient], context))));
        });

        // Assert
        Assert.Equal(Threads * Patients, actual.Count);
        Assert.All(actual, a => Assert.Equal(expected[a.Patient], a.Signature));
        Assert.Contains(expected, s => s.Contains("RG-01", StringComparison.Ordinal));
        Assert.Contains(expected, s => s.Contains("DX-02", StringComparison.Ordinal));
        Assert.Contains(expected, s => s.Contains("NR-01", StringComparison.Ordinal));
        Assert.Contains(expected, s => s.Contains("MD-01", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_SameInputsTwice_EqualResults()
    {
        // Arrange
        var ruleSet = GivenRules(Rules, regimensYaml: TestRegimens);
        var context = new EvaluationContext(Now, "uk");

        for (var p = 0; p < 20; p++)
        {
            var chart = Chart(p);
            var copy = chart.ToList();

            // Act
            var first = RuleEngine.Instance.Evaluate(ruleSet, chart, context);
            var second = RuleEngine.Instance.Evaluate(ruleSet, chart, context);

            // Assert
            Assert.Equal(Signature(first), Signature(second));
            Assert.Equal(copy, chart);
        }
    }

    [Fact]
    public void Evaluate_AfterAnotherPatient_NoStateCarriesOver()
    {
        // Arrange
        var ruleSet = GivenRules(Rules, regimensYaml: TestRegimens);
        var context = new EvaluationContext(Now, "uk");
        var chart = Chart(3);
        var alone = Signature(RuleEngine.Instance.Evaluate(ruleSet, chart, context));

        // Act
        foreach (var other in Enumerable.Range(10, 30))
        {
            RuleEngine.Instance.Evaluate(ruleSet, Chart(other), context);
        }

        var again = Signature(RuleEngine.Instance.Evaluate(ruleSet, chart, context));

        // Assert
        Assert.Equal(alone, again);
    }

    /// <summary>A varied, deterministic chart for patient <paramref name="p"/>.</summary>
    private static List<Fact> Chart(int p)
    {
        var facts = new List<Fact> { Patient(20 + (p % 60), id: $"p{p}") };
        for (var i = 0; i <= p % 3; i++)
        {
            var unit = (p + i) % 2 == 0 ? "ng/L" : "pmol/L";
            facts.Add(Lab("b12-total", $"2026-{4 + (2 * i) + (p % 2):00}-{1 + (p % 27):00}", 100 + ((p * 37 + i * 53) % 200), unit, id: $"b12-{p}-{i}"));
        }

        if (p % 4 == 0)
        {
            facts.Add(Condition("neurological-features", "2026-01-01", id: $"neuro-{p}"));
        }

        if (p % 5 == 0)
        {
            facts.Add(Medication("metformin", "2025-06-01", id: $"met-{p}"));
        }

        if (p % 3 == 0)
        {
            facts.Add(Lab("hemoglobin", "2026-06-01", 90, "g/L", id: $"hb1-{p}"));
            facts.Add(Lab("hemoglobin", "2026-09-01", 90 + (p % 20), "g/L", id: $"hb2-{p}"));
            for (var d = 0; d < 3 + (p % 2); d++)
            {
                facts.Add(Administration("b12-replacement", $"2026-07-{10 + d:00}", 1000, id: $"dose-{p}-{d}"));
            }
        }

        return facts;
    }

    private static string Signature(EvaluationResult result)
    {
        var sb = new StringBuilder();
        foreach (var f in result.Firings)
        {
            sb.Append(f.Sequence).Append(' ').Append(f.Rule.Id).Append(':');
            foreach (var m in f.Matched)
            {
                sb.Append(' ').Append(m.Binding).Append('=').Append(m.Fact.Source);
            }

            sb.Append(" <").Append(string.Join(",", f.Sources().Select(s => s.Reference))).Append(">\n");
        }

        foreach (var c in result.Cards)
        {
            sb.Append("card ").Append(c.Firing.Rule.Id).Append('|').Append(c.Indicator).Append('|').Append(c.Summary).Append('|').Append(c.Detail).Append('\n');
        }

        foreach (var c in result.CarePlan)
        {
            sb.Append("plan ").Append(c.Firing.Rule.Id).Append('|').Append(c.Regimen.Id).Append('\n');
        }

        foreach (var d in result.DerivedFacts)
        {
            sb.Append("derived ").Append(d.TypeName).Append(' ').Append(d.RuleId);
            foreach (var (name, value) in d.Fields.OrderBy(x => x.Key, StringComparer.Ordinal))
            {
                sb.Append(' ').Append(name).Append('=').Append(value.Kind == ValueKind.Fact ? value.Fact!.Source.ToString() : value.ToString());
            }

            sb.Append('\n');
        }

        sb.Append("errors ").Append(string.Join(";", result.Errors));
        return sb.ToString();
    }
}
