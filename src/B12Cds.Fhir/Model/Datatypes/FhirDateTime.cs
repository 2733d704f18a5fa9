using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace B12Cds.Fhir.Model;

/// <summary>
/// A FHIR <c>date</c>, <c>dateTime</c> or <c>instant</c>: keeps the exact text it was read from (so it is
/// written back unchanged) and the instant range it stands for (a partial date covers a whole year or month).
/// </summary>
/// <remarks>
/// A time without an offset is tolerated (the specification requires one) and read as UTC; <see cref="HasOffset"/> says so.
/// </remarks>
public readonly struct FhirDateTime : IEquatable<FhirDateTime>, IComparable<FhirDateTime>
{
    private readonly string? _text;

    private FhirDateTime(string text, DateTimeOffset start, DateTimePrecision precision, bool hasOffset)
    {
        _text = text;
        Start = start;
        Precision = precision;
        HasOffset = hasOffset;
    }

    /// <summary>Gets the text exactly as read or formatted.</summary>
    public string Value => _text ?? string.Empty;

    /// <summary>Gets the first instant the value covers.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>Gets how much of the date and time was given.</summary>
    public DateTimePrecision Precision { get; }

    /// <summary>Gets a value indicating whether a time zone offset was given (always true for dates without a time).</summary>
    public bool HasOffset { get; }

    /// <summary>Gets the instant just after the period the value covers (exclusive upper bound).</summary>
    /// <remarks>Clamped to <see cref="DateTimeOffset.MaxValue"/> for the last period it can hold (9999, often an EHR's "no end").</remarks>
    public DateTimeOffset End
    {
        get
        {
            var limit = DateTimeOffset.MaxValue - Start;
            return Precision switch
            {
                DateTimePrecision.Year when Start.Year < 9999 => Start.AddYears(1),
                DateTimePrecision.Month when Start.Year < 9999 || Start.Month < 12 => Start.AddMonths(1),
                DateTimePrecision.Day when limit > TimeSpan.FromDays(1) => Start.AddDays(1),
                DateTimePrecision.Time => Start,
                _ => DateTimeOffset.MaxValue,
            };
        }
    }

    /// <summary>Creates a value at second precision from an instant, formatted the FHIR way.</summary>
    public static FhirDateTime FromInstant(DateTimeOffset instant)
    {
        var truncated = new DateTimeOffset(instant.Ticks - (instant.Ticks % TimeSpan.TicksPerSecond), instant.Offset);
        var text = truncated.Offset == TimeSpan.Zero
            ? truncated.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : truncated.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        return new FhirDateTime(text, truncated, DateTimePrecision.Time, hasOffset: true);
    }

    /// <summary>Creates a value at day precision (a FHIR <c>date</c>).</summary>
    public static FhirDateTime FromDate(DateOnly date) =>
        new(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), DateTimePrecision.Day, hasOffset: true);

    /// <summary>Parses a FHIR date, dateTime or instant.</summary>
    /// <exception cref="FormatException">The text is not a FHIR date or dateTime.</exception>
    public static FhirDateTime Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"'{text}' is not a FHIR date or dateTime.");

    /// <summary>Parses a FHIR date (<c>YYYY</c>, <c>YYYY-MM</c>, <c>YYYY-MM-DD</c>) or dateTime (<c>YYYY-MM-DDThh:mm:ss[.fff](Z|±hh:mm)</c>).</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out FhirDateTime value)
    {
        value = default;
        if (text is null)
        {
            return false;
        }

        var s = text.AsSpan();
        if (s.Length < 4 || !TryDigits(s, 0, 4, out var year) || year < 1)
        {
            return false;
        }

        if (s.Length == 4)
        {
            value = new(text, new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.Zero), DateTimePrecision.Year, true);
            return true;
        }

        if (s.Length < 7 || s[4] != '-' || !TryDigits(s, 5, 2, out var month) || month is < 1 or > 12)
        {
            return false;
        }

        if (s.Length == 7)
        {
            value = new(text, new DateTimeOffset(year, month, 1, 0, 0, 0, TimeSpan.Zero), DateTimePrecision.Month, true);
            return true;
        }

        if (s.Length < 10 || s[7] != '-' || !TryDigits(s, 8, 2, out var day) || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        if (s.Length == 10)
        {
            value = new(text, new DateTimeOffset(DayTicks(year, month, day), TimeSpan.Zero), DateTimePrecision.Day, true);
            return true;
        }

        return TryParseTime(text, s, year, month, day, out value);
    }

    private static bool TryParseTime(string text, ReadOnlySpan<char> s, int year, int month, int day, out FhirDateTime value)
    {
        value = default;
        if (s.Length < 19 || s[10] != 'T' || s[13] != ':' || s[16] != ':'
            || !TryDigits(s, 11, 2, out var hour) || hour > 23
            || !TryDigits(s, 14, 2, out var minute) || minute > 59
            || !TryDigits(s, 17, 2, out var second) || second > 60)
        {
            return false;
        }

        var pos = 19;
        long fractionTicks = 0;
        if (pos < s.Length && s[pos] == '.')
        {
            pos++;
            var digits = 0;
            long scale = TimeSpan.TicksPerSecond;
            while (pos < s.Length && char.IsAsciiDigit(s[pos]))
            {
                scale /= 10;
                fractionTicks += (s[pos] - '0') * scale;
                pos++;
                digits++;
            }

            if (digits == 0)
            {
                return false;
            }
        }

        var offset = TimeSpan.Zero;
        var hasOffset = false;
        if (pos < s.Length)
        {
            if (s[pos] == 'Z' && pos == s.Length - 1)
            {
                hasOffset = true;
            }
            else if ((s[pos] == '+' || s[pos] == '-') && pos + 6 == s.Length && s[pos + 3] == ':'
                && TryDigits(s, pos + 1, 2, out var oh) && TryDigits(s, pos + 4, 2, out var om) && om <= 59 && (oh < 14 || (oh == 14 && om == 0)))
            {
                offset = new TimeSpan(oh, om, 0);
                if (s[pos] == '-')
                {
                    offset = -offset;
                }

                hasOffset = true;
            }
            else
            {
                return false;
            }
        }

        // Counted in ticks: the date and time are checked above, so DateTime's and DateTimeOffset's own checks of each part would only repeat them.
        // A leap second (:60) is legal FHIR; DateTimeOffset has none, so counting it as 60 seconds reads it as the next second.
        // Well-formed values whose instant DateTimeOffset cannot hold (0001-01-01T00:00:00+01:00) are not readable here.
        var local = DayTicks(year, month, day) + (hour * TimeSpan.TicksPerHour) + (minute * TimeSpan.TicksPerMinute)
            + (second * TimeSpan.TicksPerSecond) + fractionTicks;
        var utc = local - offset.Ticks;
        if (utc < DateTimeOffset.MinValue.UtcTicks || utc > DateTimeOffset.MaxValue.UtcTicks || local > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        var start = new DateTimeOffset(local, offset);
        value = new(text, start, DateTimePrecision.Time, hasOffset);
        return true;
    }

    /// <summary>The ticks at the start of a day whose parts are checked already.</summary>
    private static long DayTicks(int year, int month, int day) => new DateOnly(year, month, day).DayNumber * TimeSpan.TicksPerDay;

    private static bool TryDigits(ReadOnlySpan<char> s, int start, int count, out int value)
    {
        value = 0;
        if (start + count > s.Length)
        {
            return false;
        }

        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(s[i]))
            {
                return false;
            }

            value = (value * 10) + (s[i] - '0');
        }

        return true;
    }

    /// <inheritdoc/>
    public bool Equals(FhirDateTime other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is FhirDateTime other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Value.GetHashCode(StringComparison.Ordinal);

    /// <summary>Orders by start instant, then by precision (coarser first).</summary>
    public int CompareTo(FhirDateTime other)
    {
        var c = Start.CompareTo(other.Start);
        return c != 0 ? c : Precision.CompareTo(other.Precision);
    }

    /// <inheritdoc/>
    public override string ToString() => Value;

    public static bool operator ==(FhirDateTime left, FhirDateTime right) => left.Equals(right);

    public static bool operator !=(FhirDateTime left, FhirDateTime right) => !left.Equals(right);

    public static bool operator <(FhirDateTime left, FhirDateTime right) => left.CompareTo(right) < 0;

    public static bool operator <=(FhirDateTime left, FhirDateTime right) => left.CompareTo(right) <= 0;

    public static bool operator >(FhirDateTime left, FhirDateTime right) => left.CompareTo(right) > 0;

    public static bool operator >=(FhirDateTime left, FhirDateTime right) => left.CompareTo(right) >= 0;
}
