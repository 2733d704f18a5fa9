using B12Cds.Facts.Terminology;

namespace B12Cds.Facts.Tests.Terminology;

/// <summary>The allocation-free normalisation used for lookups against the string one used for the value-set files.</summary>
public sealed class CodeNormalizationTests
{
    public static TheoryData<string?, string?> Codings => new()
    {
        { "http://loinc.org", "2132-9" },
        { " http://loinc.org ", " 2132-9\t" },
        { "urn:oid:2.16.840.1.113883.6.1", "2132-9" },
        { " urn:oid:2.16.840.1.113883.6.90 ", "d51.0" },
        { "http://hl7.org/fhir/sid/icd-10-cm", "d51.0" },
        { "http://hl7.org/fhir/sid/icd-10-cm", " D51.0 " },
        { "http://hl7.org/fhir/sid/icd-10-cm", "k90.\u00e9\u0131\u00df\u01c5" },
        { "http://hl7.org/fhir/sid/icd-10-cm", new string('k', 200) },
        { "http://www.whocc.no/atc", "b03ba01" },
        { "urn:oid:2.16.840.1.113883.6.73", "b03ba" },
        { "http://snomed.info/sct", "abc" },
        { "http://example.org/local", " x " },
        { null, "1" },
        { "http://loinc.org", null },
        { " ", "1" },
        { "http://loinc.org", "\u00a0" },
    };

    [Theory]
    [MemberData(nameof(Codings))]
    public void TryNormalize_AnyCoding_SameAsCanonicalAndNormalizeCode(string? system, string? code)
    {
        // Arrange
        var expectedOk = !string.IsNullOrWhiteSpace(system) && !string.IsNullOrWhiteSpace(code);
        var expectedSystem = expectedOk ? CodeSystems.Canonical(system!) : null;
        var expectedCode = expectedOk ? CodeSystems.NormalizeCode(expectedSystem!, code!) : null;

        // Act
        Span<char> buffer = stackalloc char[16];
        var ok = CodeSystems.TryNormalize(system, code, buffer, out var actualSystem, out var actualCode);

        // Assert
        Assert.Equal(expectedOk, ok);
        if (ok)
        {
            Assert.Equal(expectedSystem, actualSystem.ToString());
            Assert.Equal(expectedCode, actualCode.ToString());
        }
    }
}
