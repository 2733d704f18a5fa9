using B12Cds.Facts.Model;
using B12Cds.Fhir.Diagnostics;

namespace B12Cds.Cli.Output;

/// <summary>Prints facts and issues as aligned text for people.</summary>
internal static class FactTextPrinter
{
    public static void Print(TextWriter output, string inputName, FactSet facts, string valueSetVersion, bool verbose)
    {
        output.WriteLine($"{facts.Facts.Count} fact(s) from {inputName}, as of {facts.AsOf.ToUniversalTime():yyyy-MM-dd'T'HH:mm:ss'Z'}, value sets {valueSetVersion}");
        if (facts.Facts.Count > 0)
        {
            output.WriteLine();
            var typeWidth = facts.Facts.Max(f => f.FactType.Length);
            var sourceWidth = Math.Min(facts.Facts.Max(f => f.Source.ToString().Length), 48);
            foreach (var fact in facts.Facts)
            {
                output.WriteLine($"  {fact.FactType.PadRight(typeWidth)}  {fact.Source.ToString().PadRight(sourceWidth)}  {FactText.Describe(fact)}");
            }
        }

        var shown = facts.Issues.Where(i => verbose || i.Severity >= IssueSeverity.Warning).ToList();
        var hidden = facts.Issues.Count - shown.Count;
        if (shown.Count > 0)
        {
            output.WriteLine();
            output.WriteLine($"{shown.Count} note(s):");
            foreach (var issue in shown)
            {
                output.WriteLine($"  {issue}");
            }
        }

        if (hidden > 0)
        {
            output.WriteLine();
            output.WriteLine($"{hidden} information note(s) not shown (resources that are not B12 facts, skipped statuses): use --verbose to list them.");
        }
    }
}
