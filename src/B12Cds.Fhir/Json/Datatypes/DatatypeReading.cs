using System.Text.Json;
using B12Cds.Fhir.Json.Reading;
using B12Cds.Fhir.Model;

namespace B12Cds.Fhir.Json.Datatypes;

/// <summary>Reads one value of a complex type where the reader stands (on its first token, never on null).</summary>
/// <typeparam name="T">The type read.</typeparam>
internal delegate T ValueReader<out T>(ref FhirJsonReader reader);

/// <summary>
/// The steps the hand-written readers share. They read only what they are sure of: anything unusual (a value of the
/// wrong JSON type, a repeated or escaped property name) throws, and the document is then read the serializer's way,
/// which explains the problem exactly as it always has (see <see cref="DocumentReading"/>).
/// </summary>
internal static class DatatypeReading
{
    /// <summary>Checks that the reader stands on the start of an object.</summary>
    public static void ExpectObject(ref FhirJsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"expected a JSON object, found {reader.TokenType}");
        }
    }

    /// <summary>Moves to the object's next property name, returning it; false at the end of the object.</summary>
    public static bool NextProperty(ref FhirJsonReader reader, out ReadOnlySpan<byte> name)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.EndObject)
        {
            name = default;
            return false;
        }

        if (reader.ValueIsEscaped)
        {
            throw new JsonException("escaped property name");
        }

        name = reader.ValueSpan;
        return true;
    }

    /// <summary>
    /// Moves to the object's next element that <paramref name="elements"/> names, returning its index; elements the
    /// table does not name are skipped (<see cref="SkipUnknown"/>), and an element read twice is refused
    /// (<see cref="MarkRead(ref long, int)"/>). False at the end of the object.
    /// </summary>
    public static bool NextElement(ref FhirJsonReader reader, ElementTable elements, ref long read, ref List<string>? skipped, out int index)
    {
        while (NextProperty(ref reader, out var name))
        {
            index = elements.Find(name);
            if (index < 0)
            {
                SkipUnknown(ref reader, ref skipped);
                continue;
            }

            MarkRead(ref read, index);
            return true;
        }

        index = -1;
        return false;
    }

    /// <summary>Records that property number <paramref name="index"/> was read; a second time is refused.</summary>
    public static void MarkRead(ref int read, int index)
    {
        var bit = 1 << index;
        if ((read & bit) != 0)
        {
            throw new JsonException("duplicate property");
        }

        read |= bit;
    }

    /// <summary>Records that element number <paramref name="index"/> (0 to 63) was read; a second time is refused.</summary>
    public static void MarkRead(ref long read, int index)
    {
        var bit = 1L << index;
        if ((read & bit) != 0)
        {
            throw new JsonException("duplicate property");
        }

        read |= bit;
    }

    /// <summary>Skips an element the model does not have (its value, whatever its shape), refusing one seen before in this object.</summary>
    public static void SkipUnknown(ref FhirJsonReader reader, ref List<string>? skipped)
    {
        var name = reader.GetString()!;
        skipped ??= [];
        if (skipped.Contains(name))
        {
            throw new JsonException("duplicate property");
        }

        skipped.Add(name);
        reader.Read();
        reader.Skip();
    }

    /// <summary>Reads a string property's value (null as absent).</summary>
    public static string? String(ref FhirJsonReader reader)
    {
        reader.ReadPropertyValue();
        return reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Null => null,
            _ => throw new JsonException($"expected a string, found {reader.TokenType}"),
        };
    }

    /// <summary>Reads a code system URI property's value (null as absent), a well-known one as its shared string (see <see cref="KnownSystems"/>).</summary>
    public static string? System(ref FhirJsonReader reader)
    {
        reader.ReadPropertyValue();
        if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && KnownSystems.Find(reader.ValueSpan) is { } known)
        {
            return known;
        }

        return reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Null => null,
            _ => throw new JsonException($"expected a string, found {reader.TokenType}"),
        };
    }

    /// <summary>Reads an array of strings (null, or null items, as absent: the model drops them too).</summary>
    public static string[]? Strings(ref FhirJsonReader reader)
    {
        if (!StartArray(ref reader))
        {
            return null;
        }

        var items = default(Items<string>);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    items.Add(reader.GetString());
                    break;
                case JsonTokenType.Null:
                    break;
                default:
                    throw new JsonException($"expected a string, found {reader.TokenType}");
            }
        }

        return items.ToArray();
    }

    /// <summary>Reads an array of codings (null, or null items, as absent: the model drops them too).</summary>
    public static Coding[]? Codings(ref FhirJsonReader reader)
    {
        if (!StartArray(ref reader))
        {
            return null;
        }

        var items = default(Items<Coding>);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.Null)
            {
                items.Add(CodingReader.ReadCoding(ref reader));
            }
        }

        return items.ToArray();
    }

    /// <summary>Reads a boolean property's value (null as absent).</summary>
    public static bool? Boolean(ref FhirJsonReader reader)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            JsonTokenType.Null => null,
            _ => throw new JsonException($"expected true or false, found {reader.TokenType}"),
        };
    }

    /// <summary>Reads an integer property's value (null as absent); anything but a whole number in range is refused.</summary>
    public static int? Integer(ref FhirJsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        return reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var value)
            ? value
            : throw new JsonException($"expected an integer, found {reader.TokenType}");
    }

    /// <summary>Reads a property modelled as a plain <see cref="decimal"/> (null as absent), as the serializer reads one.</summary>
    public static decimal? PlainDecimal(ref FhirJsonReader reader)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.Number => reader.GetDecimal(),
            JsonTokenType.Null => null,
            _ => throw new JsonException($"expected a number, found {reader.TokenType}"),
        };
    }

    /// <summary>Reads a decimal property's value exactly (null as absent).</summary>
    public static FhirDecimal? Decimal(ref FhirJsonReader reader)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.Number => FhirDecimalJsonConverter.FromNumber(reader.ValueSpan),
            JsonTokenType.Null => null,
            _ => throw new JsonException($"expected a number, found {reader.TokenType}"),
        };
    }

    /// <summary>Reads a date, dateTime or instant property's value (null as absent).</summary>
    public static FhirDateTime? DateTime(ref FhirJsonReader reader)
    {
        reader.ReadPropertyValue();
        return reader.TokenType == JsonTokenType.Null ? null : DateTimeValue(ref reader);
    }

    /// <summary>Reads an array of dates or dateTimes (a null item is refused: the model's list cannot hold one).</summary>
    public static FhirDateTime[]? DateTimes(ref FhirJsonReader reader)
    {
        if (!StartArray(ref reader))
        {
            return null;
        }

        var items = default(Items<FhirDateTime>);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            items.Add(DateTimeValue(ref reader));
        }

        return items.ToArray();
    }

    /// <summary>Reads a property holding one complex value (null as absent) with <paramref name="read"/>.</summary>
    public static T? Object<T>(ref FhirJsonReader reader, ValueReader<T> read)
        where T : class
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.Null ? null : read(ref reader);
    }

    /// <summary>Reads an array of complex values with <paramref name="read"/> (null, or null items, as absent: the model drops them too).</summary>
    public static T[]? Objects<T>(ref FhirJsonReader reader, ValueReader<T> read)
        where T : class
    {
        if (!StartArray(ref reader))
        {
            return null;
        }

        var items = default(Items<T>);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.Null)
            {
                items.Add(read(ref reader));
            }
        }

        return items.ToArray();
    }

    private static FhirDateTime DateTimeValue(ref FhirJsonReader reader) =>
        reader.TokenType == JsonTokenType.String
            ? FhirDateTimeJsonConverter.Parse(reader.GetString())
            : throw new JsonException($"expected a date or dateTime string, found {reader.TokenType}");

    /// <summary>Moves to an array property's value: true on the start of the array, false for null.</summary>
    private static bool StartArray(ref FhirJsonReader reader)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.StartArray => true,
            JsonTokenType.Null => false,
            _ => throw new JsonException($"expected an array, found {reader.TokenType}"),
        };
    }

    /// <summary>
    /// The items of an array as they are read, then as an array of exactly their number. Most arrays in FHIR hold one
    /// item (one coding, one category, one dosage): that takes no list, and the array holds it alone.
    /// </summary>
    private struct Items<T>
    {
        private T _first;
        private int _count;
        private List<T>? _more;

        public void Add(T item)
        {
            if (_count++ == 0)
            {
                _first = item;
                return;
            }

            (_more ??= new List<T>(4) { _first }).Add(item);
        }

        public readonly T[] ToArray() => _count switch
        {
            0 => [],
            1 => [_first],
            _ => [.. _more!],
        };
    }
}
