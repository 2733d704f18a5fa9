using System.Text;
using System.Text.Json;
using B12Cds.Fhir.Json.Reading;
using B12Cds.Fhir.Tests.Support;

namespace B12Cds.Fhir.Tests.Json;

/// <summary>
/// <see cref="FhirJsonReader"/> against <see cref="Utf8JsonReader"/> with default options, token by token (see
/// <see cref="ReaderEquivalence"/>): on every official example and sample, on hand-picked valid and broken JSON
/// (the 16-byte scanning's boundaries above all), on <see cref="FhirJsonReader.Skip"/> from every token, and on the
/// table of shared strings. Randomly generated and damaged documents are in <see cref="FhirJsonReaderPropertyTests"/>.
/// </summary>
public sealed class FhirJsonReaderTests
{
    /// <summary>The table length the parser gives each document (DocumentReading's).</summary>
    private const int ParserTableLength = 512;

    public static TheoryData<string> Examples { get; } = new(TestFiles.ExampleFileNames());

    public static TheoryData<string> Samples { get; } = new(
        Directory.EnumerateFiles(RepoPaths.Samples, "*.json", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(RepoPaths.Samples, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Examples))]
    public void Read_OfficialExample_SameTokensAsUtf8JsonReader(string fileName)
    {
        // Arrange
        var json = TestFiles.ReadExample(fileName);

        // Act
        var plain = ReaderEquivalence.Compare(json);
        var shared = ReaderEquivalence.Compare(json, new string?[ParserTableLength]);
        var asTheReadersRead = ReaderEquivalence.Compare(json, new string?[ParserTableLength], propertyValues: true);

        // Assert
        Assert.True(plain.Accepted);
        Assert.Equal(plain, shared);
        Assert.Equal(plain, asTheReadersRead);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Read_Sample_SameTokensAsUtf8JsonReader(string relativePath)
    {
        // Arrange
        var json = File.ReadAllBytes(Path.Combine(RepoPaths.Samples, relativePath));

        // Act
        var plain = ReaderEquivalence.Compare(json);
        var shared = ReaderEquivalence.Compare(json, new string?[ParserTableLength]);
        var asTheReadersRead = ReaderEquivalence.Compare(json, new string?[ParserTableLength], propertyValues: true);

        // Assert
        Assert.True(plain.Accepted);
        Assert.Equal(plain, shared);
        Assert.Equal(plain, asTheReadersRead);
    }

    [Fact]
    public void Read_EveryFile_IsCompared()
    {
        // Arrange / Act
        var examples = Examples.Count;
        var samples = Samples.Count;

        // Assert: no file left out because a folder was not found.
        Assert.Equal(TestFiles.ExampleCount, examples);
        Assert.True(samples >= 20, $"Only {samples} samples found.");
    }

    [Theory]
    // Scalars at the root.
    [InlineData("1", true)]
    [InlineData("\"a\"", true)]
    [InlineData("true", true)]
    [InlineData("false", true)]
    [InlineData("null", true)]
    [InlineData(" \t\r\n1\r\n ", true)]
    // Nested empty containers.
    [InlineData("{}", true)]
    [InlineData("[]", true)]
    [InlineData("[[]]", true)]
    [InlineData("[{}]", true)]
    [InlineData("{\"a\":{}}", true)]
    [InlineData("{\"a\":[]}", true)]
    [InlineData("[[[]],{},[{}],{\"b\":{\"c\":[]}}]", true)]
    [InlineData("{ \"a\" : [ 1 , { } ] , \"b\" : \"\" }", true)]
    // Escapes, and tokens after an escaped one (ValueIsEscaped must not linger).
    [InlineData("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"", true)]
    [InlineData("\"\\u00e9\"", true)]
    [InlineData("\"\\u00E9t\\u00e9\"", true)]
    [InlineData("\"\\uD83D\\uDE00\"", true)]
    [InlineData("\"\\ud83d\\ude00\"", true)]
    [InlineData("\"\\uD800\"", true)]
    [InlineData("\"\\uDE00\"", true)]
    [InlineData("\"a\\uD800b\"", true)]
    [InlineData("\"\\uD83D\\u0041\"", true)]
    [InlineData("\"\\u0000\"", true)]
    [InlineData("{\"\\u0061\":1}", true)]
    [InlineData("[\"\\n\",1]", true)]
    [InlineData("[\"\\n\",\"plain\"]", true)]
    [InlineData("[\"\\t\",true,null,false]", true)]
    [InlineData("[\"\\t\",{}]", true)]
    [InlineData("[\"\\t\",[]]", true)]
    [InlineData("{\"a\\n\":{},\"b\":1}", true)]
    [InlineData("{\"a\":\"\\n\"}", true)]
    // Non-ASCII and unusual characters that need no escape.
    [InlineData("\"Zoë 胃 😀\"", true)]
    [InlineData("{\"胃\":\"Zoë\"}", true)]
    [InlineData("\"\u007f\"", true)]
    [InlineData("\"'/<>&\"", true)]
    // Numbers.
    [InlineData("0", true)]
    [InlineData("-0", true)]
    [InlineData("0.5", true)]
    [InlineData("1.50", true)]
    [InlineData("-1.500e2", true)]
    [InlineData("1e5", true)]
    [InlineData("1E+5", true)]
    [InlineData("1.5e-3", true)]
    [InlineData("0e0", true)]
    [InlineData("1e400", true)]
    [InlineData("1e-400", true)]
    [InlineData("2147483647", true)]
    [InlineData("2147483648", true)]
    [InlineData("-2147483648", true)]
    [InlineData("-2147483649", true)]
    [InlineData("123456789012345678901234567890", true)]
    [InlineData("79228162514264337593543950335", true)]
    [InlineData("79228162514264337593543950336", true)]
    [InlineData("-79228162514264337593543950336", true)]
    [InlineData("0.1234567890123456789012345678901", true)]
    [InlineData("[1,-0,0.5,1e5,1E+5,1.5e-3]", true)]
    [InlineData("{\"a\":1,\"b\":-2.5E-7}", true)]
    // Empty or blank.
    [InlineData("", false)]
    [InlineData(" ", false)]
    [InlineData("\t\r\n ", false)]
    // Strings.
    [InlineData("\"a\u0001b\"", false)]
    [InlineData("\"a\nb\"", false)]
    [InlineData("\"a\tb\"", false)]
    [InlineData("\"\u001f\"", false)]
    [InlineData("\"abc", false)]
    [InlineData("[\"abc]", false)]
    [InlineData("\"", false)]
    [InlineData("\"\\", false)]
    [InlineData("\"abc\\", false)]
    [InlineData("\"abc\\\"", false)]
    [InlineData("\"\\u12G4\"", false)]
    [InlineData("\"\\u12\"", false)]
    [InlineData("\"\\u", false)]
    [InlineData("\"\\u00e", false)]
    [InlineData("\"\\x\"", false)]
    [InlineData("\"\\U00e9\"", false)]
    [InlineData("\"\\'\"", false)]
    [InlineData("'a'", false)]
    // Numbers.
    [InlineData("01", false)]
    [InlineData("-01", false)]
    [InlineData("00", false)]
    [InlineData("1.", false)]
    [InlineData("1.e5", false)]
    [InlineData(".5", false)]
    [InlineData("-", false)]
    [InlineData("-a", false)]
    [InlineData("+1", false)]
    [InlineData("1e", false)]
    [InlineData("1e+", false)]
    [InlineData("1E-", false)]
    [InlineData("--1", false)]
    [InlineData("0x1", false)]
    [InlineData("1x", false)]
    [InlineData("[1x]", false)]
    [InlineData("[01]", false)]
    [InlineData("[1.]", false)]
    [InlineData("[-]", false)]
    [InlineData("{\"a\":1.}", false)]
    [InlineData("NaN", false)]
    [InlineData("Infinity", false)]
    [InlineData("-Infinity", false)]
    // Literals.
    [InlineData("tru", false)]
    [InlineData("nul", false)]
    [InlineData("fals", false)]
    [InlineData("[tru]", false)]
    [InlineData("truex", false)]
    [InlineData("[truex]", false)]
    [InlineData("nullnull", false)]
    [InlineData("True", false)]
    [InlineData("NULL", false)]
    // Structure.
    [InlineData("{\"a\":1,}", false)]
    [InlineData("[1,]", false)]
    [InlineData("[,1]", false)]
    [InlineData("{,}", false)]
    [InlineData("{,\"a\":1}", false)]
    [InlineData("[1,,2]", false)]
    [InlineData("{\"a\":1,,\"b\":2}", false)]
    [InlineData("{\"a\" 1}", false)]
    [InlineData("{\"a\"}", false)]
    [InlineData("{\"a\":}", false)]
    [InlineData("{\"a\"::1}", false)]
    [InlineData("{\"a\":1 \"b\":2}", false)]
    [InlineData("[1 2]", false)]
    [InlineData("[\"a\" \"b\"]", false)]
    [InlineData("[1:2]", false)]
    [InlineData("{\"a\":1:2}", false)]
    [InlineData("{\"a\"", false)]
    [InlineData("{\"a\":", false)]
    [InlineData("{\"a\":1", false)]
    [InlineData("{\"a\":1,", false)]
    [InlineData("[1", false)]
    [InlineData("[1,", false)]
    [InlineData("[", false)]
    [InlineData("{", false)]
    [InlineData("}", false)]
    [InlineData("]", false)]
    [InlineData(":", false)]
    [InlineData(",", false)]
    [InlineData("[}", false)]
    [InlineData("{]", false)]
    [InlineData("[{]}", false)]
    [InlineData("{\"a\":[}]", false)]
    [InlineData("[]]", false)]
    [InlineData("{}}", false)]
    // More than one root value, trailing garbage.
    [InlineData("{} {}", false)]
    [InlineData("{}{}", false)]
    [InlineData("[][]", false)]
    [InlineData("1 2", false)]
    [InlineData("\"a\" \"b\"", false)]
    [InlineData("\"a\"\"b\"", false)]
    [InlineData("true false", false)]
    [InlineData("{}x", false)]
    [InlineData("[] ,", false)]
    [InlineData("1,", false)]
    [InlineData("{}\0", false)]
    [InlineData("1\u00a0", false)]
    [InlineData("\u00a01", false)]
    [InlineData("\u000b1", false)]
    [InlineData("\f1", false)]
    // Comments (not allowed by default).
    [InlineData("// x\n1", false)]
    [InlineData("/* */ 1", false)]
    [InlineData("1 // x", false)]
    [InlineData("[1 /* */]", false)]
    [InlineData("{\"a\":1/**/}", false)]
    // Property names that are not strings.
    [InlineData("{a:1}", false)]
    [InlineData("{1:1}", false)]
    [InlineData("{null:1}", false)]
    [InlineData("{true:1}", false)]
    [InlineData("{'a':1}", false)]
    [InlineData("{{}:1}", false)]
    [InlineData("{[]:1}", false)]
    public void Read_EdgeCase_SameAsUtf8JsonReader(string json, bool accepted)
    {
        // Arrange
        var bytes = Encoding.UTF8.GetBytes(json);

        // Act
        var outcome = ReaderEquivalence.Compare(bytes);

        // Assert
        Assert.Equal(accepted, outcome.Accepted);
    }

    /// <summary>ValueIsEscaped describes the token read last only: false again on the tokens after an escaped one, as Utf8JsonReader has it.</summary>
    [Theory]
    [InlineData("[\"\\n\",1]")]
    [InlineData("[\"\\n\",true,null]")]
    [InlineData("[\"\\t\",{}]")]
    [InlineData("[\"\\t\",[]]")]
    [InlineData("{\"a\\n\":{}}")]
    [InlineData("{\"a\":\"\\u00e9\"}")]
    public void ValueIsEscaped_TokenAfterEscapedString_FalseLikeUtf8JsonReader(string json)
    {
        // Arrange
        var bytes = Encoding.UTF8.GetBytes(json);
        var expected = new Utf8JsonReader(bytes);
        var actual = new FhirJsonReader(bytes);

        // Act / Assert: e.g. on "[\"\\n\",1]" the number 1 and the closing bracket are not escaped.
        while (expected.Read())
        {
            Assert.True(actual.Read());
            Assert.True(
                expected.ValueIsEscaped == actual.ValueIsEscaped,
                $"{actual.TokenType} at {actual.TokenStartIndex} of {json}: ValueIsEscaped is {actual.ValueIsEscaped}, Utf8JsonReader's {expected.ValueIsEscaped}.");
        }
    }

    [Fact]
    public void GetString_LoneSurrogate_BothReadersThrow()
    {
        // Arrange: a lone high surrogate escaped inside a string is valid JSON but not valid text.
        var json = "[\"\\uD800\"]"u8;
        var expected = new Utf8JsonReader(json);
        var actual = new FhirJsonReader(json);
        expected.Read();
        expected.Read();
        actual.Read();
        actual.Read();

        // Act
        var expectedError = GetStringError(ref expected);
        var actualError = GetStringError(ref actual);

        // Assert
        Assert.IsType<InvalidOperationException>(expectedError);
        Assert.IsType<InvalidOperationException>(actualError);
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(2, true)]
    [InlineData(16, true)]
    [InlineData(63, true)]
    [InlineData(64, true)]
    [InlineData(65, false)]
    [InlineData(100, false)]
    public void Read_NestedDepth_RefusedBeyond64LikeUtf8JsonReader(int depth, bool accepted)
    {
        // Arrange: arrays, objects, and the two alternating, each nested depth levels deep.
        string[] documents =
        [
            string.Concat(Enumerable.Repeat("[", depth)) + string.Concat(Enumerable.Repeat("]", depth)),
            string.Concat(Enumerable.Repeat("[", depth)) + "1" + string.Concat(Enumerable.Repeat("]", depth)),
            string.Concat(Enumerable.Repeat("{\"a\":", depth - 1)) + "{}" + string.Concat(Enumerable.Repeat("}", depth - 1)),
            string.Concat(Enumerable.Range(0, depth).Select(i => i % 2 == 0 ? "[" : "{\"k\":")) + "\"v\"" + string.Concat(Enumerable.Range(0, depth).Reverse().Select(i => i % 2 == 0 ? "]" : "}")),
            string.Concat(Enumerable.Repeat("[ 0 ,\n ", depth)) + "1" + string.Concat(Enumerable.Repeat(" ] \n", depth)),
        ];

        foreach (var document in documents)
        {
            // Act
            var outcome = ReaderEquivalence.Compare(Encoding.UTF8.GetBytes(document));

            // Assert
            Assert.True(accepted == outcome.Accepted, $"Depth {depth}: {document}");
        }
    }

    [Fact]
    public void Read_IndentationThatChangesFromLineToLine_SameAsUtf8JsonReader()
    {
        // Arrange: the reader checks first the indentation it last saw at a depth; here each line's differs (none to
        // 40 spaces or tabs, \n or \r\n, now and then a run of 32 or more), so the guesses are right, wrong, and short or
        // long by a byte; every fourth document is indented steadily, two spaces a depth, so the guesses hold.
        var compact = Encoding.UTF8.GetBytes(JsonDocument.Parse(File.ReadAllBytes(Path.Combine(RepoPaths.Samples, "large-50-resources.json"))).RootElement.GetRawText());
        var random = new Random(2_026_1122);
        for (var seed = 0; seed < 40; seed++)
        {
            var steady = seed % 4 == 0;
            var json = Reindent(compact, depth => steady ? "\n" + new string(' ', depth * 2) : RandomRun(random));

            // Act
            var outcome = ReaderEquivalence.Compare(json);
            var asTheReadersRead = ReaderEquivalence.Compare(json, new string?[ParserTableLength], propertyValues: true);

            // Assert
            Assert.True(outcome.Accepted, ReaderEquivalence.Describe(json, "Utf8JsonReader refused a reindented document."));
            Assert.Equal(outcome, asTheReadersRead);
        }

        static string RandomRun(Random random) =>
            (random.Next(2) == 0 ? "\n" : "\r\n") + new string(random.Next(2) == 0 ? ' ' : '\t', random.Next(20) == 0 ? random.Next(30, 70) : random.Next(0, 41));
    }

    /// <summary>Puts a run of whitespace, given the depth, after every <c>{ [ ,</c> and before every <c>} ]</c> outside strings.</summary>
    private static byte[] Reindent(byte[] compact, Func<int, string> run)
    {
        var text = new StringBuilder();
        var inString = false;
        var escaped = false;
        var depth = 0;
        foreach (var c in Encoding.UTF8.GetString(compact))
        {
            if (inString)
            {
                text.Append(c);
                (inString, escaped) = escaped ? (true, false) : (c != '"', c == '\\');
                continue;
            }

            switch (c)
            {
                case '{' or '[':
                    text.Append(c).Append(run(++depth));
                    break;
                case '}' or ']':
                    text.Append(run(--depth)).Append(c);
                    break;
                case ',':
                    text.Append(c).Append(run(depth));
                    break;
                default:
                    inString = c == '"';
                    text.Append(c);
                    break;
            }
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    [Theory]
    [InlineData(" ")]
    [InlineData("\t")]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData(" \t\r\n")]
    public void Read_WhitespaceRuns_SameAsUtf8JsonReader(string unit)
    {
        // Arrange: runs from none to past 40 bytes (15, 16, 17 and 31, 32, 33 among them: the reader looks at 32 bytes at once, then 16 at a time)
        // everywhere whitespace may stand, and runs that end the document.
        for (var count = 0; count <= 41; count++)
        {
            var ws = string.Concat(Enumerable.Repeat(unit, count));
            (string Json, bool Accepted)[] documents =
            [
                ($"{ws}{{{ws}\"a\"{ws}:{ws}[{ws}1{ws},{ws}\"b\"{ws},{ws}{{{ws}}}{ws}]{ws},{ws}\"c\"{ws}:{ws}true{ws}}}{ws}", true),
                ($"{ws}1", true),
                ($"1{ws}", true),
                ($"[{ws}]", true),
                ($"\"s\"{ws}", true),
                ($"{ws}[1,{ws}", false),
                ($"{ws}{{\"a\"{ws}", false),
                ($"[1{ws}2]", count == 0),
                ($"{ws}", false),
            ];

            foreach (var (json, accepted) in documents)
            {
                // Act
                var outcome = ReaderEquivalence.Compare(Encoding.UTF8.GetBytes(json));

                // Assert
                Assert.True(accepted == outcome.Accepted, $"Accepted should be {accepted}: {json}");
            }
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(14)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(30)]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(33)]
    [InlineData(47)]
    [InlineData(48)]
    [InlineData(49)]
    [InlineData(64)]
    [InlineData(65)]
    public void Read_StringOfLength_SameAsUtf8JsonReaderAtEveryAlignment(int length)
    {
        // Arrange: a string of `length` content bytes, plain or with an escape, a multi-byte character, a control
        // character or a bad escape at its start, middle or end, moved through every offset against the 16-byte
        // scanning, as a root value ending the document, an array item, a property name and a value followed by more,
        // and unclosed.
        foreach (var (content, valid) in Contents(length))
        {
            for (var offset = 0; offset <= 17; offset++)
            {
                var pad = new string(' ', offset);
                (string Json, bool Accepted)[] documents =
                [
                    ($"{pad}\"{content}\"", valid),
                    ($"[{pad}\"{content}\"]", valid),
                    ($"{{{pad}\"{content}\":{pad}\"{content}\"}}", valid),
                    ($"[{pad}\"{content}\",1,\"x\"]", valid),
                    ($"{pad}\"{content}", false),
                    ($"[{pad}\"{content}", false),
                ];

                foreach (var (json, accepted) in documents)
                {
                    // Act
                    var outcome = ReaderEquivalence.Compare(Encoding.UTF8.GetBytes(json));

                    // Assert
                    Assert.True(accepted == outcome.Accepted, $"Accepted should be {accepted}: {json}");
                }
            }
        }
    }

    [Fact]
    public void Read_StringEndingInLast16Bytes_SameAsUtf8JsonReader()
    {
        // Arrange: long documents whose last string closes (or should) at each of the last 20 bytes, so the scan
        // of its end cannot load 16 bytes and goes on byte by byte.
        var head = "{\"padding\":\"" + new string('p', 40) + "\",\"last\":\"";
        (string Ending, bool Accepted)[] endings =
        [
            ("\"}", true),
            ("\"} ", true),
            ("\\n\"}", true),
            ("\\u00e9\"}", true),
            ("é\"}", true),
            ("😀\"}", true),
            ("\"", false),
            ("", false),
            ("\\", false),
            ("\\\"}", false),
            ("\\u00", false),
            ("\\u00\"}", false),
            ("\u0001\"}", false),
        ];
        for (var tail = 0; tail <= 20; tail++)
        {
            foreach (var (ending, accepted) in endings)
            {
                var json = head + new string('v', tail) + ending;

                // Act
                var outcome = ReaderEquivalence.Compare(Encoding.UTF8.GetBytes(json));

                // Assert
                Assert.True(accepted == outcome.Accepted, $"Accepted should be {accepted}: {json}");
            }
        }
    }

    [Fact]
    public void Read_ByteOrderMark_IsRefusedUnlikeUtf8JsonReader()
    {
        // Arrange: FhirJsonReader takes documents without a byte-order mark (FhirJsonParser strips it first);
        // Utf8JsonReader skips one. A refusal only sends the document to the serializer's reading.
        byte[] json = [0xEF, 0xBB, 0xBF, (byte)'{', (byte)'}'];
        var reader = new FhirJsonReader(json);

        // Act
        JsonException? error = null;
        try
        {
            reader.Read();
        }
        catch (JsonException ex)
        {
            error = ex;
        }

        // Assert
        Assert.NotNull(error);
    }

    public static TheoryData<string> SkipDocuments { get; } = new(
        "{\"a\":1,\"b\":{\"c\":[1,{\"d\":null}],\"e\":\"\\n\"},\"f\":[],\"g\":{},\"h\":[[[]]],\"i\":true}",
        "[1,[2,[3,[4]]],{\"x\":{\"y\":{}}},\"s\",false,[]]",
        "\"root\"",
        "42",
        "{}",
        "[]");

    [Theory]
    [MemberData(nameof(SkipDocuments))]
    public void Skip_FromEveryToken_SameAsUtf8JsonReader(string json)
    {
        // Arrange
        var bytes = Encoding.UTF8.GetBytes(json);
        var tokens = ReaderEquivalence.Compare(bytes).Tokens;

        // Act / Assert: skip from each token in turn, then read on to the end.
        for (var index = 0; index < tokens; index++)
        {
            Assert.True(ReaderEquivalence.CompareSkip(bytes, index));
        }

        Assert.False(ReaderEquivalence.CompareSkip(bytes, tokens));
    }

    [Theory]
    [InlineData("Patient-example.json")]
    [InlineData("Observation-example.json")]
    [InlineData("Bundle-bundle-example.json")]
    public void Skip_FromEveryTokenOfOfficialExample_SameAsUtf8JsonReader(string fileName)
    {
        // Arrange
        var bytes = TestFiles.ReadExample(fileName);
        var tokens = ReaderEquivalence.Compare(bytes).Tokens;

        // Act / Assert
        for (var index = 0; index < tokens; index++)
        {
            Assert.True(ReaderEquivalence.CompareSkip(bytes, index));
        }
    }

    [Fact]
    public void Skip_OnPropertyName_StandsOnTheValuesLastToken()
    {
        // Arrange
        var reader = new FhirJsonReader("{\"a\":{\"b\":[1,2]},\"c\":3}"u8);
        reader.Read();
        reader.Read();

        // Act
        reader.Skip();

        // Assert: on the '}' that closes "a"'s object, with "c" next.
        Assert.Equal(JsonTokenType.EndObject, reader.TokenType);
        Assert.Equal(15, reader.TokenStartIndex);
        Assert.Equal(1, reader.CurrentDepth);
        Assert.True(reader.Read());
        Assert.Equal("c", reader.GetString());
    }

    [Fact]
    public void Skip_OnStartArray_StandsOnTheMatchingEnd()
    {
        // Arrange
        var reader = new FhirJsonReader("[[1,[2]],3]"u8);
        reader.Read();
        reader.Read();

        // Act
        reader.Skip();

        // Assert
        Assert.Equal(JsonTokenType.EndArray, reader.TokenType);
        Assert.Equal(7, reader.TokenStartIndex);
        Assert.Equal(1, reader.CurrentDepth);
    }

    [Fact]
    public void Skip_OnScalar_DoesNothing()
    {
        // Arrange
        var reader = new FhirJsonReader("[\"s\",2]"u8);
        reader.Read();
        reader.Read();

        // Act
        reader.Skip();

        // Assert
        Assert.Equal(JsonTokenType.String, reader.TokenType);
        Assert.Equal(1, reader.TokenStartIndex);
        Assert.Equal("s", reader.GetString());
    }

    [Theory]
    [InlineData("final")]
    [InlineData("http://loinc.org")]
    [InlineData("")]
    [InlineData("a")]
    public void GetString_RepeatedShortValue_SameInstance(string value)
    {
        // Arrange: the value three times, as property value, array item and property name.
        var json = Encoding.UTF8.GetBytes($"{{\"k1\":\"{value}\",\"k2\":[\"{value}\"],\"{value}\":1}}");
        var reader = new FhirJsonReader(json, new string?[16]);

        // Act
        var strings = ReadStrings(ref reader).Where(s => s == value).ToList();

        // Assert
        Assert.Equal(3, strings.Count);
        Assert.Same(strings[0], strings[1]);
        Assert.Same(strings[0], strings[2]);
    }

    [Fact]
    public void GetString_RepeatedValueOf64Bytes_SameInstance()
    {
        // Arrange: 64 bytes is the longest value shared.
        var value = new string('x', 64);
        var json = Encoding.UTF8.GetBytes($"[\"{value}\",\"{value}\"]");
        var reader = new FhirJsonReader(json, new string?[8]);

        // Act
        var strings = ReadStrings(ref reader);

        // Assert
        Assert.Equal(value, strings[0]);
        Assert.Same(strings[0], strings[1]);
    }

    [Theory]
    [InlineData(65)]
    [InlineData(200)]
    public void GetString_RepeatedLongValue_Correct(int length)
    {
        // Arrange
        var value = string.Concat(Enumerable.Range(0, length).Select(i => (char)('a' + (i % 26))));
        var json = Encoding.UTF8.GetBytes($"[\"{value}\",\"{value}\",{{\"{value}\":\"{value}\"}}]");
        var reader = new FhirJsonReader(json, new string?[8]);

        // Act
        var strings = ReadStrings(ref reader);

        // Assert
        Assert.Equal([value, value, value, value], strings);
        Assert.Equal(Utf8Strings(json), strings);
    }

    [Theory]
    [InlineData("[\"a\\u0062c\",\"abc\",\"a\\u0062c\"]")]
    [InlineData("[\"abc\",\"a\\u0062c\",\"abc\"]")]
    [InlineData("{\"\\n\":\"\\n\",\"x\":\"\\/\\t\"}")]
    [InlineData("[\"Zo\\u00eb\",\"Zoë\",\"Zoë\"]")]
    [InlineData("[\"胃\",\"胃\",\"胃痛\",\"Zoë\",\"Zoë\",\"😀\",\"😀\"]")]
    [InlineData("{\"Zoë\":\"胃\",\"胃\":\"Zoë\"}")]
    public void GetString_EscapedAndNonAsciiValuesWithTable_SameAsUtf8JsonReader(string json)
    {
        // Arrange
        var bytes = Encoding.UTF8.GetBytes(json);
        var reader = new FhirJsonReader(bytes, new string?[16]);

        // Act
        var strings = ReadStrings(ref reader);

        // Assert
        Assert.Equal(Utf8Strings(bytes), strings);
        ReaderEquivalence.Compare(bytes, new string?[16]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void GetString_CollisionsInTinyTable_Correct(int tableLength)
    {
        // Arrange: every value lands in one or two slots, evicting the others.
        var bytes = "[\"a\",\"b\",\"a\",\"ab\",\"ba\",\"b\",\"Zoë\",\"Zoe\",\"Zoë\",\"胃\",\"\",\"a\",\"\\u0061\",\"a\"]"u8.ToArray();
        var reader = new FhirJsonReader(bytes, new string?[tableLength]);

        // Act
        var strings = ReadStrings(ref reader);

        // Assert
        Assert.Equal(Utf8Strings(bytes), strings);
        Assert.Equal(["a", "b", "a", "ab", "ba", "b", "Zoë", "Zoe", "Zoë", "胃", "", "a", "a", "a"], strings);
    }

    [Fact]
    public void GetString_SameValueInTableOfOne_SameInstance()
    {
        // Arrange
        var reader = new FhirJsonReader("[\"code\",\"code\"]"u8, new string?[1]);

        // Act
        var strings = ReadStrings(ref reader);

        // Assert
        Assert.Same(strings[0], strings[1]);
    }

    [Fact]
    public void GetString_NoTable_NewInstances()
    {
        // Arrange
        var reader = new FhirJsonReader("[\"code\",\"code\"]"u8);

        // Act
        var strings = ReadStrings(ref reader);

        // Assert
        Assert.Equal(strings[0], strings[1]);
        Assert.NotSame(strings[0], strings[1]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(6)]
    [InlineData(100)]
    [InlineData(513)]
    public void Constructor_TableLengthNotPowerOfTwo_Throws(int length)
    {
        // Arrange
        var table = new string?[length];

        // Act / Assert
        var error = Assert.Throws<ArgumentException>(() => { _ = new FhirJsonReader("[]"u8, table); });
        Assert.Equal("strings", error.ParamName);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(512)]
    public void Constructor_TableLengthPowerOfTwo_Accepted(int length)
    {
        // Arrange
        var table = new string?[length];

        // Act
        var reader = new FhirJsonReader("[\"a\"]"u8, table);
        reader.Read();
        reader.Read();

        // Assert
        Assert.Equal("a", reader.GetString());
    }

    [Fact]
    public void GetString_OnNumber_Throws()
    {
        // Arrange
        var reader = new FhirJsonReader("1"u8);
        reader.Read();

        // Act
        InvalidOperationException? error = null;
        try
        {
            reader.GetString();
        }
        catch (InvalidOperationException ex)
        {
            error = ex;
        }

        // Assert
        Assert.NotNull(error);
    }

    /// <summary>
    /// The contents of strings of one length in bytes, each with whether it is valid JSON: plain, and with an escape,
    /// a multi-byte character, a control character or a bad escape at its start, middle or end.
    /// </summary>
    private static IEnumerable<(string Content, bool Valid)> Contents(int length)
    {
        yield return (new string('a', length), true);
        if (length >= 2)
        {
            foreach (var at in new[] { 0, (length / 2) - 1, length - 2 }.Distinct())
            {
                yield return (new string('a', at) + "\\n" + new string('a', length - at - 2), true);
                yield return (new string('a', at) + "é" + new string('a', length - at - 2), true);
                yield return (new string('a', at) + "\\x" + new string('a', length - at - 2), false);
            }
        }

        if (length >= 6)
        {
            yield return (new string('a', length - 6) + "\\u00e9", true);
            yield return ("\\uD83D" + new string('a', length - 6), true);
            yield return (new string('a', length - 6) + "\\u0G00", false);
        }

        if (length >= 1)
        {
            foreach (var at in new[] { 0, length / 2, length - 1 }.Distinct())
            {
                yield return (new string('a', at) + "\u0001" + new string('a', length - at - 1), false);
                yield return (new string('a', at) + "\u001f" + new string('a', length - at - 1), false);
                yield return (new string('a', at) + "\u007f" + new string('a', length - at - 1), true);
            }

            // A lone backslash at the end escapes the closing quote.
            yield return (new string('a', length - 1) + "\\", false);
        }
    }

    private static InvalidOperationException? GetStringError(ref Utf8JsonReader reader)
    {
        try
        {
            reader.GetString();
            return null;
        }
        catch (InvalidOperationException ex)
        {
            return ex;
        }
    }

    private static InvalidOperationException? GetStringError(ref FhirJsonReader reader)
    {
        try
        {
            reader.GetString();
            return null;
        }
        catch (InvalidOperationException ex)
        {
            return ex;
        }
    }

    /// <summary>Every string and property name of a document, in order, read with <paramref name="reader"/>.</summary>
    private static List<string> ReadStrings(ref FhirJsonReader reader)
    {
        var strings = new List<string>();
        while (reader.Read())
        {
            if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName)
            {
                strings.Add(reader.GetString());
            }
        }

        return strings;
    }

    /// <summary>Every string and property name of a document, in order, as Utf8JsonReader reads them.</summary>
    private static List<string> Utf8Strings(byte[] json)
    {
        var reader = new Utf8JsonReader(json);
        var strings = new List<string>();
        while (reader.Read())
        {
            if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName)
            {
                strings.Add(reader.GetString()!);
            }
        }

        return strings;
    }
}
