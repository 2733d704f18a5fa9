using System.Reflection;
using B12Cds.Fhir.Json;
using B12Cds.Fhir.Json.Datatypes;
using B12Cds.Fhir.Json.Reading;

namespace B12Cds.Fhir.Tests.Json;

/// <summary>
/// A hand-written reader must know every element its model type has: one added to the model and not to the reader
/// would be skipped silently as "unknown" when parsing. The model's elements are the ones the serializer writes.
/// (The small datatype readers that compare names one by one instead of through an <see cref="ElementTable"/> are
/// R4 datatypes that do not change; the equivalence tests in <see cref="SinglePassReadingTests"/> cover them.)
/// </summary>
public sealed class HandWrittenReaderCoverageTests
{
    public static TheoryData<string> TableDrivenReaders()
    {
        var data = new TheoryData<string>();
        foreach (var reader in Readers())
        {
            data.Add(reader.Name);
        }

        return data;
    }

    [Fact]
    public void TheParserHasTableDrivenReadersForTheWholeResources()
    {
        var modelled = Readers().Select(r => ModelType(r).Name).ToHashSet(StringComparer.Ordinal);

        Assert.Superset(
            new HashSet<string>(["Observation", "Condition", "MedicationRequest", "MedicationStatement", "MedicationAdministration", "Procedure", "AllergyIntolerance", "Patient", "Medication", "Bundle"], StringComparer.Ordinal),
            modelled);
    }

    [Theory]
    [MemberData(nameof(TableDrivenReaders))]
    public void Reader_KnowsEveryElementOfItsModel(string readerName)
    {
        var reader = Readers().Single(r => r.Name == readerName);
        var table = (ElementTable)reader.GetField("Elements", BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;
        var model = FhirJson.Options.GetTypeInfo(ModelType(reader));

        var missing = model.Properties.Select(p => p.Name).Where(name => !table.Names.Contains(name)).ToList();

        Assert.True(missing.Count == 0, $"{reader.Name} does not read {string.Join(", ", missing)} of {model.Type.Name}.");
    }

    private static IEnumerable<Type> Readers() =>
        typeof(FhirJsonReader).Assembly.GetTypes()
            .Where(t => t.GetField("Elements", BindingFlags.NonPublic | BindingFlags.Static)?.FieldType == typeof(ElementTable));

    /// <summary>The type a reader reads: what its one public method that takes a <see cref="FhirJsonReader"/> returns.</summary>
    private static Type ModelType(Type reader) =>
        reader.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Single(m => m.GetParameters() is [{ ParameterType: var p }] && p == typeof(FhirJsonReader).MakeByRefType())
            .ReturnType;
}
