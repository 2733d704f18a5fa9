using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using B12Cds.Facts.Model;
using B12Cds.Fhir.Model;

namespace B12Cds.Facts.Tests.Extraction.Support;

/// <summary>
/// Writes a <see cref="FactSet"/> as indented text, every public property of every fact and issue (found by
/// reflection, in name order, so a property added to a fact type shows up without changing this class): the form the
/// golden files of <see cref="FactGoldenTests"/> hold. Strings are quoted and escaped as JSON; decimals keep their scale
/// (1.50 is not 1.5); FHIR dates are written as they were read.
/// </summary>
internal static class FactDump
{
    private static readonly JsonSerializerOptions StringOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes the facts and issues of <paramref name="set"/>, leaving out its first <paramref name="skipIssues"/> issues (a parser's, when they are not what is tested).</summary>
    public static string Write(FactSet set, int skipIssues = 0)
    {
        var text = new StringBuilder();
        text.Append("asOf: ").Append(set.AsOf.ToString("O", CultureInfo.InvariantCulture)).Append('\n');
        var patientIndex = set.Patient is null ? -1 : IndexOf(set.Facts, set.Patient);
        text.Append("patient: ").Append(set.Patient is null ? "null" : patientIndex >= 0 ? $"facts[{patientIndex}]" : "not among the facts").Append('\n');
        WriteList(text, "facts", set.Facts, 0);
        WriteList(text, "issues", set.Issues.Skip(skipIssues).ToList(), 0);
        return text.ToString();
    }

    private static int IndexOf(IReadOnlyList<Fact> facts, Fact fact)
    {
        for (var i = 0; i < facts.Count; i++)
        {
            if (ReferenceEquals(facts[i], fact))
            {
                return i;
            }
        }

        return -1;
    }

    private static void WriteList(StringBuilder text, string name, IEnumerable items, int depth)
    {
        var list = items.Cast<object?>().ToList();
        Indent(text, depth).Append(name).Append(" (").Append(list.Count).Append(")\n");
        for (var i = 0; i < list.Count; i++)
        {
            WriteMember(text, $"[{i}]", list[i], depth + 1);
        }
    }

    private static void WriteMember(StringBuilder text, string name, object? value, int depth)
    {
        if (Scalar(value) is { } scalar)
        {
            Indent(text, depth).Append(name).Append(": ").Append(scalar).Append('\n');
            return;
        }

        if (value is IEnumerable items)
        {
            WriteList(text, name, items, depth);
            return;
        }

        var type = value!.GetType();
        Indent(text, depth).Append(name).Append(": ").Append(type.Name).Append('\n');
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0)
            .OrderBy(p => p.Name, StringComparer.Ordinal);
        foreach (var property in properties)
        {
            WriteMember(text, property.Name, property.GetValue(value), depth + 1);
        }
    }

    /// <summary>Gets the text of a value written on one line; null for a value written as its properties or items.</summary>
    private static string? Scalar(object? value) => value switch
    {
        null => "null",
        string s => JsonSerializer.Serialize(s, StringOptions),
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        FhirDateTime dt => JsonSerializer.Serialize(dt.Value, StringOptions),
        FhirDecimal fd => $"{fd.Text} (exact: {fd.IsExact})",
        DateTimeOffset dto => dto.ToString("O", CultureInfo.InvariantCulture),
        Enum e => e.ToString(),
        bool b => b ? "true" : "false",
        IFormattable f when value.GetType().IsPrimitive => f.ToString(null, CultureInfo.InvariantCulture),
        _ => null,
    };

    private static StringBuilder Indent(StringBuilder text, int depth) => text.Append(' ', depth * 2);
}
