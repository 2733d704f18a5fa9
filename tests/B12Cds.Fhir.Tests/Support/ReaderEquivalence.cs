using System.Globalization;
using System.Text;
using System.Text.Json;
using B12Cds.Fhir.Json.Reading;
using Xunit.Sdk;

namespace B12Cds.Fhir.Tests.Support;

/// <summary>
/// Runs <see cref="FhirJsonReader"/> and <see cref="Utf8JsonReader"/> (default options) side by side over one whole
/// document and asserts that they agree: on JSON that Utf8JsonReader reads to the end, the same tokens (type, start,
/// depth, escaping of strings and names, raw bytes, string and number values) and the same end; on JSON it refuses somewhere, a refusal
/// (<see cref="JsonException"/>) from FhirJsonReader too, not necessarily at the same token, after the same tokens up to there.
/// </summary>
internal static class ReaderEquivalence
{
    /// <summary>What Utf8JsonReader made of a document (FhirJsonReader having been checked to agree).</summary>
    /// <param name="Accepted">Whether the document is JSON that Utf8JsonReader reads to the end.</param>
    /// <param name="Tokens">The tokens both readers read before the end or the first refusal.</param>
    public readonly record struct Outcome(bool Accepted, int Tokens);

    /// <summary>Reads <paramref name="json"/> with both readers, asserting that they agree (see the class).</summary>
    /// <param name="json">The document: valid UTF-8, as FhirJsonReader's caller guarantees.</param>
    /// <param name="strings">The table of shared strings handed to FhirJsonReader, if any.</param>
    /// <param name="propertyValues">Whether FhirJsonReader reads each property's value with <see cref="FhirJsonReader.ReadPropertyValue"/>, as the hand-written readers do, instead of <see cref="FhirJsonReader.Read"/>.</param>
    /// <returns>What the reference reader made of the document.</returns>
    public static Outcome Compare(ReadOnlySpan<byte> json, string?[]? strings = null, bool propertyValues = false)
    {
        var expected = new Utf8JsonReader(json);
        var actual = new FhirJsonReader(json, strings);
        Assert.True(actual.Document == json, "Document is not the span the reader was given.");

        for (var index = 0; ; index++)
        {
            var expectedRead = TryRead(ref expected, out var expectedError);
            var actualRead = TryRead(ref actual, propertyValues, out var actualError);

            if (expectedError is not null)
            {
                // Utf8JsonReader refuses here: FhirJsonReader must refuse too, here or a little further on.
                if (actualError is null)
                {
                    Assert.True(actualRead, Describe(json, $"Utf8JsonReader refused token {index} ({expectedError.Message}), but FhirJsonReader ended the document there."));
                    var further = ReadToEnd(ref actual);
                    Assert.True(further is not null, Describe(json, $"Utf8JsonReader refused token {index} ({expectedError.Message}), but FhirJsonReader read the document to the end."));
                }

                return new Outcome(false, index);
            }

            if (actualError is not null)
            {
                // FhirJsonReader refuses what Utf8JsonReader accepts so far: fine only if Utf8JsonReader refuses further on.
                var further = ReadToEnd(ref expected);
                Assert.True(further is not null, Describe(json, $"FhirJsonReader refused token {index} ({actualError.Message}), but Utf8JsonReader reads the document to the end."));
                return new Outcome(false, index);
            }

            Assert.True(expectedRead == actualRead, Describe(json, $"After {index} tokens, Utf8JsonReader.Read() is {expectedRead} but FhirJsonReader.Read() is {actualRead}."));
            if (!expectedRead)
            {
                Assert.False(actual.Read(), Describe(json, "FhirJsonReader.Read() is true again after the end."));
                return new Outcome(true, index);
            }

            AssertSameToken(ref expected, ref actual, index, json);
        }
    }

    /// <summary>
    /// Reads <paramref name="tokenIndex"/> + 1 tokens of <paramref name="json"/> (JSON that Utf8JsonReader reads to
    /// the end) with both readers, skips there with both, and asserts that they stand on the same token and read the
    /// same tokens from there to the end.
    /// </summary>
    /// <returns>False when the document has fewer tokens than that (nothing was skipped).</returns>
    public static bool CompareSkip(ReadOnlySpan<byte> json, int tokenIndex)
    {
        var expected = new Utf8JsonReader(json);
        var actual = new FhirJsonReader(json);
        for (var i = 0; i <= tokenIndex; i++)
        {
            var expectedRead = expected.Read();
            Assert.Equal(expectedRead, actual.Read());
            if (!expectedRead)
            {
                return false;
            }
        }

        var before = $"{actual.TokenType} at {actual.TokenStartIndex}";
        expected.Skip();
        actual.Skip();
        AssertSameToken(ref expected, ref actual, tokenIndex, json, $"Skip() from {before}");

        for (var index = tokenIndex + 1; expected.Read(); index++)
        {
            Assert.True(actual.Read(), Describe(json, $"FhirJsonReader ended the document early after Skip() from {before}."));
            AssertSameToken(ref expected, ref actual, index, json, $"after Skip() from {before}");
        }

        Assert.False(actual.Read(), Describe(json, $"FhirJsonReader read past the end after Skip() from {before}."));
        return true;
    }

    /// <summary>The document, cut short if long, for a failure message (a failure must say what input made it).</summary>
    public static string Describe(ReadOnlySpan<byte> json, string problem)
    {
        const int Shown = 600;
        var text = json.Length <= Shown ? Encoding.UTF8.GetString(json) : Encoding.UTF8.GetString(json[..Shown]) + $"… ({json.Length} bytes)";
        return $"{problem}{Environment.NewLine}Document: {text}";
    }

    private static void AssertSameToken(ref Utf8JsonReader expected, ref FhirJsonReader actual, int index, ReadOnlySpan<byte> json, string context = "")
    {
        var want = Snapshot(ref expected, index);
        var got = Snapshot(ref actual, index);
        if (want != got)
        {
            throw new XunitException(Describe(json, $"Token {index} differs {context}{Environment.NewLine}Expected (Utf8JsonReader): {want}{Environment.NewLine}Actual (FhirJsonReader):   {got}"));
        }
    }

    private static bool TryRead(ref Utf8JsonReader reader, out JsonException? error)
    {
        try
        {
            error = null;
            return reader.Read();
        }
        catch (JsonException ex)
        {
            error = ex;
            return false;
        }
    }

    private static bool TryRead(ref FhirJsonReader reader, out JsonException? error) => TryRead(ref reader, propertyValues: false, out error);

    private static bool TryRead(ref FhirJsonReader reader, bool propertyValues, out JsonException? error)
    {
        try
        {
            error = null;
            if (propertyValues && reader.TokenType == JsonTokenType.PropertyName)
            {
                reader.ReadPropertyValue();
                return true;
            }

            return reader.Read();
        }
        catch (JsonException ex)
        {
            error = ex;
            return false;
        }
    }

    /// <summary>Reads on to the end: the refusal met on the way, or null when there was none.</summary>
    private static JsonException? ReadToEnd(ref Utf8JsonReader reader)
    {
        JsonException? error;
        while (TryRead(ref reader, out error))
        {
        }

        return error;
    }

    /// <inheritdoc cref="ReadToEnd(ref Utf8JsonReader)"/>
    private static JsonException? ReadToEnd(ref FhirJsonReader reader)
    {
        JsonException? error;
        while (TryRead(ref reader, out error))
        {
        }

        return error;
    }

    private static Token Snapshot(ref Utf8JsonReader reader, int index)
    {
        Assert.False(reader.HasValueSequence);
        var type = reader.TokenType;
        string? text = null, int32 = null, tryDecimal = null, getDecimal = null;
        if (type is JsonTokenType.String or JsonTokenType.PropertyName)
        {
            try
            {
                text = reader.GetString();
            }
            catch (InvalidOperationException ex)
            {
                text = Failed(ex);
            }
        }
        else if (type == JsonTokenType.Number)
        {
            int32 = reader.TryGetInt32(out var i) ? i.ToString(CultureInfo.InvariantCulture) : "false";
            tryDecimal = reader.TryGetDecimal(out var d) ? d.ToString(CultureInfo.InvariantCulture) : "false";
            try
            {
                getDecimal = reader.GetDecimal().ToString(CultureInfo.InvariantCulture);
            }
            catch (FormatException ex)
            {
                getDecimal = Failed(ex);
            }
        }

        return new Token(index, type, reader.TokenStartIndex, reader.CurrentDepth, reader.ValueIsEscaped, Encoding.UTF8.GetString(reader.ValueSpan), text, int32, tryDecimal, getDecimal);
    }

    private static Token Snapshot(ref FhirJsonReader reader, int index)
    {
        var type = reader.TokenType;
        string? text = null, int32 = null, tryDecimal = null, getDecimal = null;
        if (type is JsonTokenType.String or JsonTokenType.PropertyName)
        {
            try
            {
                text = reader.GetString();
            }
            catch (InvalidOperationException ex)
            {
                text = Failed(ex);
            }
        }
        else if (type == JsonTokenType.Number)
        {
            int32 = reader.TryGetInt32(out var i) ? i.ToString(CultureInfo.InvariantCulture) : "false";
            tryDecimal = reader.TryGetDecimal(out var d) ? d.ToString(CultureInfo.InvariantCulture) : "false";
            try
            {
                getDecimal = reader.GetDecimal().ToString(CultureInfo.InvariantCulture);
            }
            catch (FormatException ex)
            {
                getDecimal = Failed(ex);
            }
        }

        return new Token(index, type, reader.TokenStartIndex, reader.CurrentDepth, reader.ValueIsEscaped, Encoding.UTF8.GetString(reader.ValueSpan), text, int32, tryDecimal, getDecimal);
    }

    /// <summary>An exception's type stands for a value that could not be had (both readers must fail alike).</summary>
    private static string Failed(Exception ex) => $"<{ex.GetType().Name}>";

    /// <summary>Everything a caller can see of one token.</summary>
    private readonly record struct Token(
        int Index,
        JsonTokenType Type,
        long TokenStartIndex,
        int CurrentDepth,
        bool? ValueIsEscaped,
        string ValueSpan,
        string? GetString,
        string? TryGetInt32,
        string? TryGetDecimal,
        string? GetDecimal);
}
