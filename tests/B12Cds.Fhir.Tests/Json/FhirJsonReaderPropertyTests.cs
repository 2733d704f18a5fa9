using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using B12Cds.Fhir.Json.Reading;
using B12Cds.Fhir.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;

namespace B12Cds.Fhir.Tests.Json;

/// <summary>
/// Property-based tests (FsCheck, with a fixed seed so that a failure reproduces) of <see cref="FhirJsonReader"/>
/// against <see cref="Utf8JsonReader"/> (see <see cref="ReaderEquivalence"/>): random JSON documents — nested objects
/// and arrays, strings of random Unicode with escapes of every kind, numbers of every shape, literals — written by
/// <see cref="Utf8JsonWriter"/> compact and indented, read alike token by token; and the same documents damaged byte
/// by byte (kept valid UTF-8), refused by FhirJsonReader whenever Utf8JsonReader refuses them.
/// </summary>
public sealed class FhirJsonReaderPropertyTests
{
    private const int Cases = 500;

    /// <summary>Official examples small enough to damage too (FHIR's own shapes: nested objects, arrays, narrative).</summary>
    private static readonly string[] SmallExamples =
    [
        "Medication-medicationexample1.json",
        "Procedure-appendectomy-narrative.json",
        "Patient-ihe-pcd.json",
        "Observation-eye-color.json",
    ];

    /// <summary>The bytes mutations insert or replace with: JSON's structure, digits, letters and whitespace.</summary>
    private static readonly char[] MutationBytes = "{}[]\",:\\0123456789abcdefghijklmnopqrstuvwxyz \t\r\n-.+E/".ToCharArray();

    [Fact]
    public void Read_RandomDocuments_SameTokensAsUtf8JsonReader()
    {
        // Arrange
        var documents = Arb.From(DocumentGen());

        // Act / Assert
        Check.One(Settings(seed: 4_2001), Prop.ForAll(documents, document =>
        {
            var outcome = ReaderEquivalence.Compare(document.Bytes, document.Table is 0 ? null : new string?[document.Table]);
            Assert.True(outcome.Accepted, ReaderEquivalence.Describe(document.Bytes, "A generated document was refused by Utf8JsonReader."));
            Assert.Equal(outcome, ReaderEquivalence.Compare(document.Bytes, propertyValues: true));
        }));
    }

    [Fact]
    public void Read_DamagedDocuments_RefusedWheneverUtf8JsonReaderRefuses()
    {
        // Arrange
        var accepted = 0;
        var refused = 0;
        var cases = Arb.From(DamagedGen());

        // Act / Assert
        Check.One(Settings(seed: 4_2002), Prop.ForAll(cases, damaged =>
        {
            var bytes = damaged.Apply();
            Assert.True(Utf8.IsValid(bytes), "A mutation broke UTF-8.");
            var outcome = ReaderEquivalence.Compare(bytes, new string?[4]);
            Assert.Equal(outcome, ReaderEquivalence.Compare(bytes, propertyValues: true));
            if (outcome.Accepted)
            {
                accepted++;
            }
            else
            {
                refused++;
            }
        }));

        // Assert: the damage made both kinds of input.
        Assert.True(refused >= Cases / 4, $"Only {refused} of the damaged documents were refused.");
        Assert.True(accepted > 0, "No damaged document was still JSON.");
    }

    [Fact]
    public void DocumentGen_Sample_CoversEscapesNumbersAndNesting()
    {
        // Arrange
        var sample = DocumentGen().Sample(Cases, new Rnd(7UL), 50);
        var texts = sample.Select(d => Encoding.UTF8.GetString(d.Bytes)).ToList();

        // Act
        var escaped = texts.Count(t => t.Contains("\\u", StringComparison.Ordinal));
        var shortEscapes = texts.Count(t => t.Contains("\\/", StringComparison.Ordinal) || t.Contains("\\b", StringComparison.Ordinal));
        var nonAscii = texts.Count(t => t.Any(c => c > 0x7F));
        var exponents = texts.Count(t => t.Contains("e+", StringComparison.OrdinalIgnoreCase) || t.Contains("e-", StringComparison.OrdinalIgnoreCase));
        var nested = texts.Count(t => t.Contains("[[", StringComparison.Ordinal) || t.Contains(":{", StringComparison.Ordinal) || t.Contains(":[", StringComparison.Ordinal));
        var indented = texts.Count(t => t.Contains('\n', StringComparison.Ordinal));

        // Assert: the generator makes what the properties claim to cover.
        Assert.All(new[] { escaped, shortEscapes, nonAscii, exponents, nested, indented }, count => Assert.True(count >= Cases / 20, $"Only {count} of {Cases}."));
    }

    private static Config Settings(ulong seed) =>
        Config.QuickThrowOnFailure
            .WithMaxTest(Cases)
            .WithEndSize(60)
            .WithQuietOnSuccess(true)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(seed), FSharpOption<int>.None)));

    /// <summary>A valid document, written by Utf8JsonWriter in one of its layouts, and the table of shared strings to read it with (0 for none).</summary>
    private static Gen<GeneratedDocument> DocumentGen() =>
        from root in Gen.Sized(size => Gen.Frequency((1, ScalarGen()), (4, ContainerGen(Math.Clamp(size / 12, 1, 5)))))
        from layout in LayoutGen()
        from table in Gen.Elements(0, 1, 4, 512)
        select new GeneratedDocument(Write(root, layout), table);

    /// <summary>A document (generated or a small official example) with one to four mutations.</summary>
    private static Gen<DamagedDocument> DamagedGen()
    {
        var examples = SmallExamples.Select(TestFiles.ReadExample).ToArray();
        var original = Gen.Frequency(
            (4, DocumentGen().Select(d => d.Bytes)),
            (1, Gen.Elements(examples)));
        var mutation =
            from kind in Gen.Frequency(
                (3, Gen.Constant(MutationKind.Delete)),
                (3, Gen.Constant(MutationKind.Insert)),
                (3, Gen.Constant(MutationKind.Replace)),
                (1, Gen.Constant(MutationKind.Truncate)))
            from structural in Gen.Elements(false, true)
            from position in Gen.Choose(0, int.MaxValue)
            from replacement in Gen.Elements(MutationBytes)
            select new Mutation(kind, structural, position, (byte)replacement);

        return from bytes in original
               from count in Gen.Choose(1, 4)
               from mutations in Gen.ArrayOf(mutation, count)
               select new DamagedDocument(bytes, mutations);
    }

    private static Gen<Layout> LayoutGen() =>
        Gen.Frequency(
            (1, Gen.Constant(new Layout(Indented: false, ' ', 2, "\n", Relaxed: false))),
            (1, Gen.Constant(new Layout(Indented: false, ' ', 2, "\n", Relaxed: true))),
            (3,
                from indentCharacter in Gen.Elements(' ', '\t')
                from indentSize in Gen.Frequency((3, Gen.Choose(0, 4)), (1, Gen.Choose(5, 20)))
                from newLine in Gen.Elements("\n", "\r\n")
                from relaxed in Gen.Elements(false, true)
                select new Layout(Indented: true, indentCharacter, indentSize, newLine, relaxed)));

    private static Gen<Node> NodeGen(int depth) =>
        depth <= 0
            ? ScalarGen()
            : Gen.Frequency((5, ScalarGen()), (2, ContainerGen(depth)));

    private static Gen<Node> ContainerGen(int depth) =>
        Gen.OneOf(
            from count in Gen.Frequency((1, Gen.Constant(0)), (4, Gen.Choose(1, 5)))
            from items in Gen.ArrayOf(NodeGen(depth - 1), count)
            select (Node)new ArrayNode(items),
            from count in Gen.Frequency((1, Gen.Constant(0)), (4, Gen.Choose(1, 5)))
            from names in Gen.ArrayOf(TextGen(), count)
            from values in Gen.ArrayOf(NodeGen(depth - 1), count)
            select (Node)new ObjectNode(names.Zip(values).ToArray()));

    private static Gen<Node> ScalarGen() =>
        Gen.Frequency(
            (4, TextGen().Select(text => (Node)new StringNode(text, Literal: null))),
            (4, TextGen().SelectMany(EscapedLiteralGen).Select(literal => (Node)new StringNode(Text: null, literal))),
            (4, NumberGen().Select(text => (Node)new RawNode(text))),
            (1, Gen.Elements("true", "false", "null").Select(text => (Node)new RawNode(text))));

    /// <summary>Text of random Unicode (never a lone surrogate: it could not be UTF-8), often short, sometimes past 16, 32 or 64 bytes.</summary>
    private static Gen<string> TextGen()
    {
        var piece = Gen.Frequency(
            (8, Gen.Elements("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -_.:".ToCharArray()).Select(c => c.ToString())),
            (2, Gen.Elements("\"", "\\", "/", "'", "<", ">", "&", "+", "`", "\u007f")),
            (2, Gen.Choose(0, 0x1F).Select(c => ((char)c).ToString())),
            (2, Gen.Elements("é", "ë", "ñ", "ß", "µ", "°", "\u00a0", "\u0085")),
            (2, Gen.Elements("胃", "痛", "€", "\u2028", "\u2029", "\ufeff", "\uffff", "ア")),
            (1, Gen.Elements("😀", "𝄞", "\U0010FFFF", "\U00010000")),
            (1, Gen.Choose(0x80, 0xD7FF).Select(c => ((char)c).ToString())),
            (1, Gen.Choose(0x10000, 0x10FFFF).Select(char.ConvertFromUtf32)));
        var length = Gen.Frequency((6, Gen.Choose(0, 8)), (3, Gen.Choose(9, 40)), (1, Gen.Choose(41, 90)));
        return length.SelectMany(n => Gen.ArrayOf(piece, n)).Select(string.Concat);
    }

    /// <summary>
    /// A JSON string literal (with its quotes) of <paramref name="text"/>, each character escaped or not at random:
    /// short escapes, <c>\u</c> escapes in either case (surrogate pairs as two), <c>\/</c>; and now and then an escaped
    /// lone surrogate, valid JSON that is not valid text.
    /// </summary>
    private static Gen<string> EscapedLiteralGen(string text)
    {
        var runes = text.EnumerateRunes().Select(r => r.ToString()).Append(string.Empty).ToArray();
        return Gen.CollectToArray(runes, EncodingsGen).Select(parts => "\"" + string.Concat(parts) + "\"");

        static Gen<string> EncodingsGen(string rune)
        {
            if (rune.Length == 0)
            {
                // After the last character: now and then a lone surrogate.
                return Gen.Frequency((12, Gen.Constant(string.Empty)), (1, Gen.Elements("\\uD800", "\\udfff", "\\uDBFF\\u0041")));
            }

            var upper = string.Concat(rune.Select(c => $"\\u{(int)c:X4}"));
            var lower = string.Concat(rune.Select(c => $"\\u{(int)c:x4}"));
            var plain = rune[0] is '"' or '\\' or < ' ' ? upper : rune;
            var shortEscape = rune switch
            {
                "\"" => "\\\"",
                "\\" => "\\\\",
                "/" => "\\/",
                "\b" => "\\b",
                "\f" => "\\f",
                "\n" => "\\n",
                "\r" => "\\r",
                "\t" => "\\t",
                _ => plain,
            };

            return Gen.Frequency((6, Gen.Constant(plain)), (2, Gen.Constant(shortEscape)), (1, Gen.Constant(upper)), (1, Gen.Constant(lower)));
        }
    }

    /// <summary>Number text by JSON's grammar: integers up to 35 digits, fractions, exponents of any sign and size.</summary>
    private static Gen<string> NumberGen()
    {
        static Gen<string> Digits(int min, int max) =>
            Gen.Choose(min, max).SelectMany(n => Gen.ArrayOf(Gen.Elements("0123456789".ToCharArray()), n)).Select(d => new string(d));

        var integer = Gen.Frequency(
            (2, Gen.Constant("0")),
            (6, from first in Gen.Choose(1, 9) from rest in Digits(0, 9) select first + rest),
            (1, from first in Gen.Choose(1, 9) from rest in Digits(10, 34) select first + rest),
            (1, Gen.Elements("2147483647", "2147483648", "79228162514264337593543950335", "79228162514264337593543950336")));
        var fraction = Gen.Frequency((3, Gen.Constant(string.Empty)), (2, Digits(1, 4).Select(d => "." + d)), (1, Digits(5, 32).Select(d => "." + d)));
        var exponent = Gen.Frequency(
            (4, Gen.Constant(string.Empty)),
            (1, from e in Gen.Elements("e", "E") from sign in Gen.Elements(string.Empty, "+", "-") from d in Digits(1, 3) select e + sign + d));

        return from sign in Gen.Elements(string.Empty, string.Empty, "-")
               from i in integer
               from f in fraction
               from e in exponent
               select sign + i + f + e;
    }

    private static byte[] Write(Node root, Layout layout)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var options = new JsonWriterOptions
        {
            Indented = layout.Indented,
            IndentCharacter = layout.IndentCharacter,
            IndentSize = layout.IndentSize,
            NewLine = layout.NewLine,
            Encoder = layout.Relaxed ? JavaScriptEncoder.UnsafeRelaxedJsonEscaping : null,
            MaxDepth = 128,
        };
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            root.Write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>How Utf8JsonWriter lays a document out.</summary>
    private sealed record Layout(bool Indented, char IndentCharacter, int IndentSize, string NewLine, bool Relaxed);

    /// <summary>A generated document and the length of the table of shared strings to read it with (0 for none).</summary>
    private sealed record GeneratedDocument(byte[] Bytes, int Table)
    {
        public override string ToString() => $"table {Table}: {Encoding.UTF8.GetString(Bytes)}";
    }

    private enum MutationKind
    {
        Delete,
        Insert,
        Replace,
        Truncate,
    }

    /// <summary>
    /// One change of a document's bytes at <see cref="Position"/> (taken modulo the document's length), or for a
    /// <see cref="Structural"/> deletion or replacement at the next of <c>{}[],:"</c>, so that mutations do not all land inside strings.
    /// </summary>
    private readonly record struct Mutation(MutationKind Kind, bool Structural, int Position, byte Byte);

    /// <summary>A valid document and the mutations to damage it with.</summary>
    private sealed record DamagedDocument(byte[] Original, Mutation[] Mutations)
    {
        /// <summary>
        /// Applies the mutations in turn. Only ASCII bytes are deleted or replaced, bytes are inserted and the
        /// document cut only between characters: the damaged document stays UTF-8, as FhirJsonReader's input is.
        /// </summary>
        public byte[] Apply()
        {
            var bytes = Original.ToList();
            foreach (var mutation in Mutations)
            {
                var at = mutation.Position % (bytes.Count + 1);
                switch (mutation.Kind)
                {
                    case MutationKind.Delete or MutationKind.Replace:
                        var ascii = Next(bytes, at, mutation.Structural ? b => b is (byte)'{' or (byte)'}' or (byte)'[' or (byte)']' or (byte)',' or (byte)':' or (byte)'"' : b => b < 0x80);
                        if (ascii < 0)
                        {
                            break;
                        }

                        if (mutation.Kind == MutationKind.Delete)
                        {
                            bytes.RemoveAt(ascii);
                        }
                        else
                        {
                            bytes[ascii] = mutation.Byte;
                        }

                        break;
                    case MutationKind.Insert:
                        bytes.Insert(CharacterStart(bytes, at), mutation.Byte);
                        break;
                    case MutationKind.Truncate:
                        bytes.RemoveRange(CharacterStart(bytes, at), bytes.Count - CharacterStart(bytes, at));
                        break;
                }
            }

            return [.. bytes];
        }

        public override string ToString() =>
            $"{string.Join(", ", Mutations.Select(m => $"{m.Kind}{(m.Structural ? " structural" : string.Empty)} '{(char)m.Byte}' at {m.Position}"))} of: {Encoding.UTF8.GetString(Original)}";

        /// <summary>The first (ASCII) byte at or after <paramref name="from"/> (wrapping round) that <paramref name="wanted"/>, or -1 when there is none.</summary>
        private static int Next(List<byte> bytes, int from, Func<byte, bool> wanted)
        {
            for (var i = 0; i < bytes.Count; i++)
            {
                var index = (from + i) % bytes.Count;
                if (wanted(bytes[index]))
                {
                    return index;
                }
            }

            return -1;
        }

        /// <summary>The first index at or after <paramref name="from"/> that starts a character (or is the end).</summary>
        private static int CharacterStart(List<byte> bytes, int from)
        {
            while (from < bytes.Count && (bytes[from] & 0xC0) == 0x80)
            {
                from++;
            }

            return from;
        }
    }

    /// <summary>A JSON value to write.</summary>
    private abstract record Node
    {
        public abstract void Write(Utf8JsonWriter writer);
    }

    /// <summary>A string, written by the writer from <see cref="Text"/> or as <see cref="Literal"/> with our own escapes.</summary>
    private sealed record StringNode(string? Text, string? Literal) : Node
    {
        public override void Write(Utf8JsonWriter writer)
        {
            if (Literal is null)
            {
                writer.WriteStringValue(Text);
            }
            else
            {
                writer.WriteRawValue(Literal);
            }
        }
    }

    /// <summary>A number or literal, written as its text.</summary>
    private sealed record RawNode(string Text) : Node
    {
        public override void Write(Utf8JsonWriter writer) => writer.WriteRawValue(Text);
    }

    private sealed record ArrayNode(Node[] Items) : Node
    {
        public override void Write(Utf8JsonWriter writer)
        {
            writer.WriteStartArray();
            foreach (var item in Items)
            {
                item.Write(writer);
            }

            writer.WriteEndArray();
        }
    }

    private sealed record ObjectNode((string Name, Node Value)[] Properties) : Node
    {
        public override void Write(Utf8JsonWriter writer)
        {
            writer.WriteStartObject();
            foreach (var (name, value) in Properties)
            {
                writer.WritePropertyName(name);
                value.Write(writer);
            }

            writer.WriteEndObject();
        }
    }
}
