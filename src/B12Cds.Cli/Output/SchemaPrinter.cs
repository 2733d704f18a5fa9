using B12Cds.Rules.Engine;
using B12Cds.Rules.Model;
using B12Cds.Rules.Schema;

namespace B12Cds.Cli.Output;

/// <summary>Prints a rule set's fact vocabulary for informaticists: every fact type and field with its type and meaning, the aggregates, and the parameters.</summary>
internal static class SchemaPrinter
{
    public static void Print(TextWriter output, RuleSet ruleSet)
    {
        var builtIn = FactSchema.BuiltInNames.Select(n => ruleSet.Schema.TryGet(n, out var t) ? t : null).OfType<FactTypeSchema>();
        var derived = ruleSet.Schema.Types.Where(t => t.IsDerived).OrderBy(t => t.Name, StringComparer.Ordinal);
        output.WriteLine($"Fact vocabulary of rule set {ruleSet.Version}: {ruleSet.Schema.Types.Count} fact types. Conditions name a type (lab: b12-total);");
        output.WriteLine("where, check and card text read its fields by name (value, b12.effective). Every type also has label and source.");
        foreach (var type in builtIn.Concat(derived))
        {
            output.WriteLine();
            var origin = type.IsDerived ? $" (derived by {Rules(ruleSet, r => r.Derives.Contains(type.Name))}; read by {Rules(ruleSet, r => r.Reads.Contains(type.Name))})" : string.Empty;
            output.WriteLine($"{type.Name}{origin}: {type.Description}{(type.Date is null ? string.Empty : " Dated: within, latest and earliest apply.")}");
            var table = new TextTable("field", "type", "description");
            foreach (var field in type.Fields)
            {
                table.Add(field.Name, TypeName(field.Type), field.Description);
            }

            table.Write(output);
        }

        output.WriteLine();
        output.WriteLine("count: { <fact condition> } with as: and where: (how many facts matched)");
        var count = new TextTable("field", "type", "description");
        count.Add("count", "number", "How many facts matched.");
        count.Write(output);
        output.WriteLine();
        output.WriteLine("trend: { <fact condition>, of: <field> } with as: and where: (the first and last matching facts by date)");
        var trend = new TextTable("field", "type", "description");
        trend.Add("first", "fact", "The earliest matching fact (trend.first.value).");
        trend.Add("last", "fact", "The latest matching fact.");
        trend.Add("change", "as 'of'", "last minus first, in the last one's unit.");
        trend.Add("days", "number", "Days from first to last.");
        trend.Add("count", "number", "How many facts matched.");
        trend.Write(output);

        if (ruleSet.Parameters.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Parameters ($name in expressions; rules/parameters.yaml):");
            var parameters = new TextTable("parameter", "value", "status", "source");
            foreach (var p in ruleSet.Parameters.Values.OrderBy(p => p.Name, StringComparer.Ordinal))
            {
                parameters.Add("$" + p.Name, p.Value.ToString(), p.Status, p.Source ?? string.Empty);
            }

            parameters.Write(output);
        }
    }

    private static string Rules(RuleSet ruleSet, Func<Rule, bool> predicate)
    {
        var ids = ruleSet.Rules.Where(predicate).Select(r => r.Id).ToList();
        return ids.Count == 0 ? "no rule" : string.Join(", ", ids);
    }

    private static string TypeName(ExprType type) => type.Kind switch
    {
        ValueKind.Quantity => type.Unit is null ? "quantity" : $"quantity ({type.Unit})",
        ValueKind.Fact => $"{type.FactType} fact",
        ValueKind.Boolean => "true/false",
        ValueKind.Number => "number",
        ValueKind.Date => "date",
        ValueKind.Duration => "duration",
        ValueKind.Text => "text",
        ValueKind.List => "list",
        _ => type.Kind.ToString().ToLowerInvariant(),
    };
}
