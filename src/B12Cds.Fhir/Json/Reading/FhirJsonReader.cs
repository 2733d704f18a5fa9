using System.Buffers;
using System.Buffers.Binary;
using System.Buffers.Text;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using System.Text.Json;

namespace B12Cds.Fhir.Json.Reading;

/// <summary>
/// A forward-only reader of one UTF-8 JSON document held whole in memory: the tokens <see cref="Utf8JsonReader"/>
/// gives (the same <see cref="JsonTokenType"/>s, value bytes, positions and depths), for standard JSON only — no
/// comments, no trailing commas, one document, at most <see cref="MaxDepth"/> levels deep.
/// </summary>
/// <remarks>
/// <para>
/// It exists for speed, and is used only by the parser's fast path: FHIR JSON from an EHR
/// is mostly indentation, short names and short strings, and this reader skips indentation and finds a string's end
/// 16 bytes at a time, with no options or multi-segment state to consult on each token. On the 50-resource sample it
/// reads every token in about a third of the time Utf8JsonReader takes.
/// </para>
/// <para>
/// It refuses (throws <see cref="JsonException"/>) all that Utf8JsonReader refuses, and some it accepts (a document
/// deeper than <see cref="MaxDepth"/>): a refusal only sends the document to the serializer's reading, which then
/// explains the problem. Tests compare the two readers token by token, on valid and broken JSON alike. The caller has
/// checked that the input is UTF-8; this reader does not check it again.
/// </para>
/// </remarks>
internal ref struct FhirJsonReader
{
    /// <summary>The deepest nesting read (Utf8JsonReader's default is 64: anything deeper is refused by both).</summary>
    public const int MaxDepth = 64;

    /// <summary>The longest string <see cref="GetString"/> looks up in its table of strings read before.</summary>
    private const int MaxSharedLength = 64;

    private readonly ReadOnlySpan<byte> _json;
    private readonly string?[]? _strings;
    private int _position;
    private int _tokenStart;
    private int _valueStart;
    private int _valueLength;
    private int _depth;

    // Bit d is set when the container at depth d + 1 is an object.
    private ulong _objects;

    // The line break and indentation last seen before a token at each depth (see SkipIndentation).
    private Indents _indents;
    private JsonTokenType _tokenType;
    private bool _escaped;

    /// <summary>Initializes a new instance of the <see cref="FhirJsonReader"/> struct over a whole UTF-8 document (without a byte-order mark).</summary>
    /// <param name="json">The document.</param>
    /// <param name="strings">
    /// A table (its length a power of two) through which <see cref="GetString"/> gives one string for each short value
    /// read again — the codes, units, systems and references a patient's resources repeat — instead of a new one each
    /// time; null for a new string each time. It is for this document only: strings of one patient are not kept for another.
    /// </param>
    public FhirJsonReader(ReadOnlySpan<byte> json, string?[]? strings = null)
    {
        if (strings is not null && !BitOperations.IsPow2(strings.Length))
        {
            throw new ArgumentException("The table's length must be a power of two.", nameof(strings));
        }

        _json = json;
        _strings = strings;
    }

    /// <summary>Gets the type of the token read last.</summary>
    public readonly JsonTokenType TokenType => _tokenType;

    /// <summary>Gets the raw bytes of the token read last: a string's or property name's content (still escaped, without quotes), a number's or literal's text.</summary>
    public readonly ReadOnlySpan<byte> ValueSpan => _json.Slice(_valueStart, _valueLength);

    /// <summary>Gets a value indicating whether the string or property name read last has escape sequences.</summary>
    public readonly bool ValueIsEscaped => _escaped;

    /// <summary>Gets the index of the first byte of the token read last (a property name's opening quote).</summary>
    public readonly int TokenStartIndex => _tokenStart;

    /// <summary>Gets the depth of the token read last, counted as <see cref="Utf8JsonReader.CurrentDepth"/> counts it.</summary>
    public readonly int CurrentDepth => _tokenType is JsonTokenType.StartObject or JsonTokenType.StartArray ? _depth - 1 : _depth;

    /// <summary>Gets the document being read.</summary>
    public readonly ReadOnlySpan<byte> Document => _json;

    /// <summary>Reads the next token: false at the end of the document, once its one value has been read.</summary>
    /// <exception cref="JsonException">The document is not JSON (or is deeper than <see cref="MaxDepth"/>).</exception>
    public bool Read()
    {
        var position = SkipWhitespace(_position);
        if (position >= _json.Length)
        {
            return _depth == 0 && _tokenType != JsonTokenType.None ? false : throw Malformed(position, "the document ends inside a value");
        }

        var next = _json[position];
        switch (_tokenType)
        {
            case JsonTokenType.PropertyName:
            case JsonTokenType.None:
                ReadValue(next, position);
                return true;
            case JsonTokenType.StartObject:
                if (next == (byte)'}')
                {
                    EndContainer(position, JsonTokenType.EndObject);
                }
                else
                {
                    ReadPropertyName(next, position);
                }

                return true;
            case JsonTokenType.StartArray:
                if (next == (byte)']')
                {
                    EndContainer(position, JsonTokenType.EndArray);
                }
                else
                {
                    ReadValue(next, position);
                }

                return true;
            default:
                ReadAfterValue(next, position);
                return true;
        }
    }

    /// <summary>
    /// Reads a property's value, as <see cref="Read"/> does, from the property's name: a string value (most in FHIR
    /// are) is read here without the general dispatch.
    /// </summary>
    /// <exception cref="JsonException">The document is not JSON (or is deeper than <see cref="MaxDepth"/>).</exception>
    public void ReadPropertyValue()
    {
        if (_tokenType != JsonTokenType.PropertyName)
        {
            Read();
            return;
        }

        var position = SkipWhitespace(_position);
        if ((uint)position < (uint)_json.Length && _json[position] == (byte)'"')
        {
            ReadString(position);
            return;
        }

        Read();
    }

    /// <summary>
    /// Skips the value the reader stands on (on a property name, the property's value): after it the reader stands on
    /// the value's last token. Every skipped byte is still checked.
    /// </summary>
    public void Skip()
    {
        if (_tokenType == JsonTokenType.PropertyName)
        {
            Read();
        }

        if (_tokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            var depth = _depth - 1;
            while (_depth > depth)
            {
                Read();
            }
        }
    }

    /// <summary>Gets the string or property name read last, unescaped.</summary>
    /// <exception cref="InvalidOperationException">The token is not a string, or an escape does not make valid text.</exception>
    public readonly string GetString()
    {
        if (_tokenType is not (JsonTokenType.String or JsonTokenType.PropertyName))
        {
            throw new InvalidOperationException($"Cannot get a string from a {_tokenType} token.");
        }

        if (!_escaped)
        {
            return _strings is { } strings && _valueLength <= MaxSharedLength ? Shared(strings, ValueSpan) : Encoding.UTF8.GetString(ValueSpan);
        }

        return Unescape(ValueSpan) ?? UnescapeAsTheSerializerDoes();
    }

    /// <summary>
    /// Unescapes a string's content whose escapes <see cref="ScanString"/> has checked; null for one with a surrogate
    /// escape (<c>\uD83D\uDE00</c>), which <see cref="UnescapeAsTheSerializerDoes"/> pairs, or refuses when alone.
    /// </summary>
    private static string? Unescape(ReadOnlySpan<byte> escaped)
    {
        // Unescaped, the text is never longer: a 6-byte \u escape makes at most 3 bytes of UTF-8.
        byte[]? rented = null;
        var buffer = escaped.Length <= 256 ? stackalloc byte[256] : (rented = ArrayPool<byte>.Shared.Rent(escaped.Length));
        try
        {
            var written = 0;
            while (true)
            {
                var backslash = escaped.IndexOf((byte)'\\');
                if (backslash < 0)
                {
                    escaped.CopyTo(buffer[written..]);
                    return Encoding.UTF8.GetString(buffer[..(written + escaped.Length)]);
                }

                escaped[..backslash].CopyTo(buffer[written..]);
                written += backslash;
                var kind = escaped[backslash + 1];
                if (kind == (byte)'u')
                {
                    var code = 0;
                    foreach (var digit in escaped.Slice(backslash + 2, 4))
                    {
                        code = (code << 4) | (digit <= (byte)'9' ? digit - '0' : (digit | 0x20) - 'a' + 10);
                    }

                    if (char.IsSurrogate((char)code))
                    {
                        return null;
                    }

                    written += new Rune(code).EncodeToUtf8(buffer[written..]);
                    escaped = escaped[(backslash + 6)..];
                    continue;
                }

                buffer[written++] = kind switch
                {
                    (byte)'b' => (byte)'\b',
                    (byte)'f' => (byte)'\f',
                    (byte)'n' => (byte)'\n',
                    (byte)'r' => (byte)'\r',
                    (byte)'t' => (byte)'\t',
                    _ => kind, // " \ and /
                };
                escaped = escaped[(backslash + 2)..];
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>The serializer's reader unescapes (and checks) the quoted string: for surrogate escapes, which it pairs or refuses.</summary>
    private readonly string UnescapeAsTheSerializerDoes()
    {
        var quoted = new Utf8JsonReader(_json.Slice(_valueStart - 1, _valueLength + 2));
        quoted.Read();
        return quoted.GetString()!;
    }

    /// <summary>Reads the number read last as an <see cref="int"/>: false when it is not a whole number in range.</summary>
    public readonly bool TryGetInt32(out int value)
    {
        if (_tokenType != JsonTokenType.Number)
        {
            throw new InvalidOperationException($"Cannot get a number from a {_tokenType} token.");
        }

        var span = ValueSpan;
        if (Utf8Parser.TryParse(span, out value, out var consumed) && consumed == span.Length)
        {
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>Reads the number read last as a <see cref="decimal"/>: false when it is out of range.</summary>
    public readonly bool TryGetDecimal(out decimal value)
    {
        if (_tokenType != JsonTokenType.Number)
        {
            throw new InvalidOperationException($"Cannot get a number from a {_tokenType} token.");
        }

        var span = ValueSpan;
        if (Utf8Parser.TryParse(span, out value, out var consumed) && consumed == span.Length)
        {
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>Reads the number read last as a <see cref="decimal"/>.</summary>
    /// <exception cref="FormatException">It is out of a decimal's range.</exception>
    public readonly decimal GetDecimal() => TryGetDecimal(out var value) ? value : throw new FormatException("The number does not fit a decimal.");

    /// <summary>The string of <paramref name="utf8"/> from the table when it was read before, else a new one that takes its slot.</summary>
    private static string Shared(string?[] strings, ReadOnlySpan<byte> utf8)
    {
        ref var slot = ref strings[Hash(utf8) & (strings.Length - 1)];
        if (slot is { } seen && seen.Length == utf8.Length && Ascii.Equals(utf8, seen))
        {
            return seen;
        }

        // ASCII (nearly every FHIR value) widens byte for byte, without UTF-8's decoding.
        var created = Ascii.IsValid(utf8) ? Encoding.Latin1.GetString(utf8) : Encoding.UTF8.GetString(utf8);
        slot = created;
        return created;
    }

    /// <summary>A hash of a short value from its length and its first and last bytes (a collision only costs a new string).</summary>
    private static int Hash(ReadOnlySpan<byte> utf8)
    {
        ulong head, tail;
        if (utf8.Length >= sizeof(ulong))
        {
            head = BinaryPrimitives.ReadUInt64LittleEndian(utf8);
            tail = BinaryPrimitives.ReadUInt64LittleEndian(utf8[^sizeof(ulong)..]);
        }
        else
        {
            head = tail = 0;
            foreach (var b in utf8)
            {
                head = (head << 8) | b;
            }
        }

        var mixed = ((head * 0x9E3779B97F4A7C15UL) ^ (tail * 0xC2B2AE3D27D4EB4FUL)) + (ulong)utf8.Length;
        return (int)(mixed >> 40);
    }

    private static JsonException Malformed(int position, string problem) => new($"Malformed JSON at byte {position}: {problem}.");

    /// <summary>Skips whitespace: none, or the one space after a colon, without a call; indentation in <see cref="SkipIndentation"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int SkipWhitespace(int position)
    {
        var json = _json;
        if ((uint)position < (uint)json.Length)
        {
            var next = json[position];
            if (next > (byte)' ')
            {
                return position;
            }

            if (next == (byte)' ' && (uint)(position + 1) < (uint)json.Length && json[position + 1] > (byte)' ')
            {
                return position + 1;
            }

            if (Vector256.IsHardwareAccelerated && position <= json.Length - Vector256<byte>.Count)
            {
                return SkipIndentation(json, position);
            }
        }

        return SkipWhitespaceRun(json, position);
    }

    /// <summary>
    /// Skips a run of whitespace shorter than 32 bytes (else <see cref="SkipWhitespaceRun"/>) where 32 bytes remain.
    /// Indented JSON puts the same line break and indentation before every token at one depth, so the run seen last
    /// at this depth (or the one above, before a closing bracket) is checked first. The end found is the same either
    /// way; a confirmed guess only lets the processor go on to the next token before the comparison is done.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int SkipIndentation(ReadOnlySpan<byte> json, int position)
    {
        var bytes = Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(json), (nuint)position);
        var blank = (Vector256.Equals(bytes, Vector256.Create((byte)' '))
            | Vector256.Equals(bytes, Vector256.Create((byte)'\n'))
            | Vector256.Equals(bytes, Vector256.Create((byte)'\r'))
            | Vector256.Equals(bytes, Vector256.Create((byte)'\t'))).ExtractMostSignificantBits();

        int guess = _indents[_depth];
        if (IsRun(blank, guess))
        {
            return position + guess;
        }

        if (_depth > 0)
        {
            guess = _indents[_depth - 1];
            if (IsRun(blank, guess))
            {
                return position + guess;
            }
        }

        var other = ~blank;
        if (other == 0)
        {
            return SkipWhitespaceRun(json, position + Vector256<byte>.Count);
        }

        var run = BitOperations.TrailingZeroCount(other);
        var end = position + run;
        var level = json[end] is (byte)'}' or (byte)']' && _depth > 0 ? _depth - 1 : _depth;
        _indents[level] = (byte)run;
        return end;
    }

    /// <summary>Whether the blank bytes <paramref name="blank"/> marks start with a run of exactly <paramref name="length"/> (under 32): bits 0 to length - 1 set, bit length clear.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsRun(uint blank, int length) => (blank & ((2u << length) - 1)) == (1u << length) - 1;

    /// <summary>Skips spaces, tabs and line breaks from <paramref name="position"/>, 16 bytes at a time where 16 remain.</summary>
    private static int SkipWhitespaceRun(ReadOnlySpan<byte> json, int position)
    {
        ref var start = ref MemoryMarshal.GetReference(json);
        while (position <= json.Length - Vector128<byte>.Count)
        {
            var bytes = Vector128.LoadUnsafe(ref start, (nuint)position);
            var blank = Vector128.Equals(bytes, Vector128.Create((byte)' '))
                | Vector128.Equals(bytes, Vector128.Create((byte)'\n'))
                | Vector128.Equals(bytes, Vector128.Create((byte)'\r'))
                | Vector128.Equals(bytes, Vector128.Create((byte)'\t'));
            var other = ~blank.ExtractMostSignificantBits() & 0xFFFFu;
            if (other != 0)
            {
                return position + BitOperations.TrailingZeroCount(other);
            }

            position += Vector128<byte>.Count;
        }

        while (position < json.Length && json[position] is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')
        {
            position++;
        }

        return position;
    }

    /// <summary>
    /// Finds the closing quote of the string whose opening quote is at <paramref name="quote"/>: most strings in FHIR
    /// end within 16 bytes, found here with one comparison of 16 bytes at once; the rest go on in <see cref="ScanLongString"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ScanString(ReadOnlySpan<byte> json, int quote, out bool escaped)
    {
        var first = quote + 1;
        if (first > json.Length - Vector128<byte>.Count)
        {
            return ScanLongString(json, quote, first, out escaped);
        }

        var found = Specials(json, first);
        if (found == 0)
        {
            return ScanLongString(json, quote, first + Vector128<byte>.Count, out escaped);
        }

        var end = first + BitOperations.TrailingZeroCount(found);
        if (json[end] != (byte)'"')
        {
            return ScanLongString(json, quote, end, out escaped);
        }

        escaped = false;
        return end;
    }

    /// <summary>The bytes among the 16 from <paramref name="position"/> that end a string's plain run: a quote, a backslash or a control character.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Specials(ReadOnlySpan<byte> json, int position)
    {
        var bytes = Vector128.LoadUnsafe(ref MemoryMarshal.GetReference(json), (nuint)position);
        var special = Vector128.Equals(bytes, Vector128.Create((byte)'"'))
            | Vector128.Equals(bytes, Vector128.Create((byte)'\\'))
            | Vector128.LessThan(bytes, Vector128.Create((byte)0x20));
        return special.ExtractMostSignificantBits();
    }

    /// <summary>
    /// Finds the closing quote of the string whose opening quote is at <paramref name="quote"/>, from
    /// <paramref name="position"/> (what is before it is plain), checking escapes and refusing control characters.
    /// </summary>
    private static int ScanLongString(ReadOnlySpan<byte> json, int quote, int position, out bool escaped)
    {
        escaped = false;
        while (true)
        {
            if (position <= json.Length - Vector128<byte>.Count)
            {
                var found = Specials(json, position);
                if (found == 0)
                {
                    position += Vector128<byte>.Count;
                    continue;
                }

                position += BitOperations.TrailingZeroCount(found);
            }
            else
            {
                while (position < json.Length && json[position] is not ((byte)'"' or (byte)'\\' or < 0x20))
                {
                    position++;
                }

                if (position >= json.Length)
                {
                    throw Malformed(quote, "a string is not closed");
                }
            }

            switch (json[position])
            {
                case (byte)'"':
                    return position;
                case (byte)'\\':
                    escaped = true;
                    position = SkipEscape(json, position);
                    break;
                default:
                    throw Malformed(position, "a control character inside a string");
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int SkipEscape(ReadOnlySpan<byte> json, int backslash)
    {
        if (backslash + 1 >= json.Length)
        {
            throw Malformed(backslash, "a string is not closed");
        }

        switch (json[backslash + 1])
        {
            case (byte)'"' or (byte)'\\' or (byte)'/' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t':
                return backslash + 2;
            case (byte)'u':
                if (backslash + 6 > json.Length)
                {
                    throw Malformed(backslash, "a string is not closed");
                }

                foreach (var digit in json.Slice(backslash + 2, 4))
                {
                    if (!char.IsAsciiHexDigit((char)digit))
                    {
                        throw Malformed(backslash, "a \\u escape needs four hexadecimal digits");
                    }
                }

                return backslash + 6;
            default:
                throw Malformed(backslash, "an unknown escape sequence");
        }
    }

    private void ReadAfterValue(byte next, int position)
    {
        if (_depth == 0)
        {
            throw Malformed(position, "more than one value in the document");
        }

        var inObject = (_objects & (1UL << (_depth - 1))) != 0;
        if (next == (byte)',')
        {
            position = SkipWhitespace(position + 1);
            if (position >= _json.Length)
            {
                throw Malformed(position, "the document ends after a comma");
            }

            if (inObject)
            {
                ReadPropertyName(_json[position], position);
            }
            else
            {
                ReadValue(_json[position], position);
            }
        }
        else if (next == (byte)'}' && inObject)
        {
            EndContainer(position, JsonTokenType.EndObject);
        }
        else if (next == (byte)']' && !inObject)
        {
            EndContainer(position, JsonTokenType.EndArray);
        }
        else
        {
            throw Malformed(position, inObject ? "expected ',' or '}' after a property's value" : "expected ',' or ']' after an array item");
        }
    }

    private void ReadPropertyName(byte next, int position)
    {
        if (next != (byte)'"')
        {
            throw Malformed(position, "expected a property name in quotes");
        }

        var end = ScanString(_json, position, out _escaped);
        _tokenStart = position;
        _valueStart = position + 1;
        _valueLength = end - position - 1;
        var colon = SkipWhitespace(end + 1);
        if (colon >= _json.Length || _json[colon] != (byte)':')
        {
            throw Malformed(colon, "expected ':' after a property name");
        }

        _position = colon + 1;
        _tokenType = JsonTokenType.PropertyName;
    }

    private void ReadValue(byte next, int position)
    {
        _tokenStart = position;
        _escaped = false;
        switch (next)
        {
            case (byte)'"':
                ReadString(position);
                return;
            case (byte)'{':
                StartContainer(position, isObject: true);
                return;
            case (byte)'[':
                StartContainer(position, isObject: false);
                return;
            case (byte)'t':
                Literal(position, "true"u8, JsonTokenType.True);
                return;
            case (byte)'f':
                Literal(position, "false"u8, JsonTokenType.False);
                return;
            case (byte)'n':
                Literal(position, "null"u8, JsonTokenType.Null);
                return;
            case (byte)'-' or (>= (byte)'0' and <= (byte)'9'):
                ReadNumber(position);
                return;
            default:
                throw Malformed(position, "expected a value");
        }
    }

    /// <summary>Reads the string value whose opening quote is at <paramref name="position"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void ReadString(int position)
    {
        var end = ScanString(_json, position, out _escaped);
        _tokenStart = position;
        _valueStart = position + 1;
        _valueLength = end - position - 1;
        _position = end + 1;
        _tokenType = JsonTokenType.String;
    }

    private void StartContainer(int position, bool isObject)
    {
        if (_depth >= MaxDepth)
        {
            throw Malformed(position, $"the document is nested more than {MaxDepth} levels deep");
        }

        _objects = isObject ? _objects | (1UL << _depth) : _objects & ~(1UL << _depth);
        _depth++;
        _valueStart = position;
        _valueLength = 1;
        _position = position + 1;
        _tokenType = isObject ? JsonTokenType.StartObject : JsonTokenType.StartArray;
    }

    private void EndContainer(int position, JsonTokenType token)
    {
        _escaped = false;
        _depth--;
        _tokenStart = position;
        _valueStart = position;
        _valueLength = 1;
        _position = position + 1;
        _tokenType = token;
    }

    private void Literal(int position, ReadOnlySpan<byte> literal, JsonTokenType token)
    {
        if (!_json[position..].StartsWith(literal))
        {
            throw Malformed(position, "expected true, false or null");
        }

        _valueStart = position;
        _valueLength = literal.Length;
        _position = position + literal.Length;
        _tokenType = token;
    }

    /// <summary>Reads a number by JSON's grammar: <c>-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?</c>.</summary>
    private void ReadNumber(int position)
    {
        var json = _json;
        var i = position;
        if (json[i] == (byte)'-')
        {
            i++;
        }

        if (i < json.Length && json[i] == (byte)'0')
        {
            i++;
        }
        else
        {
            i = Digits(json, i);
        }

        if (i < json.Length && json[i] == (byte)'.')
        {
            i = Digits(json, i + 1);
        }

        if (i < json.Length && (json[i] | 0x20) == (byte)'e')
        {
            i++;
            if (i < json.Length && json[i] is (byte)'+' or (byte)'-')
            {
                i++;
            }

            i = Digits(json, i);
        }

        _valueStart = position;
        _valueLength = i - position;
        _position = i;
        _tokenType = JsonTokenType.Number;

        static int Digits(ReadOnlySpan<byte> json, int i)
        {
            var first = i;
            while (i < json.Length && char.IsAsciiDigit((char)json[i]))
            {
                i++;
            }

            return i > first ? i : throw Malformed(first, "expected a digit in a number");
        }
    }

    /// <summary>A whitespace run's length (under 32) for each depth.</summary>
    [InlineArray(MaxDepth + 1)]
    private struct Indents
    {
        private byte _length;
    }
}
