using System.Globalization;
using B12Cds.Fhir.Model;

namespace B12Cds.Fhir.Tests.Model;

public sealed class FhirDateTimeTests
{
    /// <summary>Valid text, its precision, the instants it starts and ends at (ISO 8601 round-trip text), and whether it has an offset.</summary>
    public static TheoryData<string, DateTimePrecision, string, string, bool> ValidValues { get; } = new()
    {
        { "2024", DateTimePrecision.Year, "2024-01-01T00:00:00+00:00", "2025-01-01T00:00:00+00:00", true },
        { "2024-03", DateTimePrecision.Month, "2024-03-01T00:00:00+00:00", "2024-04-01T00:00:00+00:00", true },
        { "2024-02", DateTimePrecision.Month, "2024-02-01T00:00:00+00:00", "2024-03-01T00:00:00+00:00", true },
        { "2023-12", DateTimePrecision.Month, "2023-12-01T00:00:00+00:00", "2024-01-01T00:00:00+00:00", true },
        { "2024-03-15", DateTimePrecision.Day, "2024-03-15T00:00:00+00:00", "2024-03-16T00:00:00+00:00", true },
        { "2024-02-29", DateTimePrecision.Day, "2024-02-29T00:00:00+00:00", "2024-03-01T00:00:00+00:00", true },
        { "2024-03-15T10:30:00Z", DateTimePrecision.Time, "2024-03-15T10:30:00+00:00", "2024-03-15T10:30:00+00:00", true },
        { "2024-03-15T10:30:00+01:00", DateTimePrecision.Time, "2024-03-15T10:30:00+01:00", "2024-03-15T10:30:00+01:00", true },
        { "2024-03-15T10:30:00-05:30", DateTimePrecision.Time, "2024-03-15T10:30:00-05:30", "2024-03-15T10:30:00-05:30", true },
        { "2024-03-15T10:30:00+14:00", DateTimePrecision.Time, "2024-03-15T10:30:00+14:00", "2024-03-15T10:30:00+14:00", true },
        { "2024-03-15T10:30:00.5Z", DateTimePrecision.Time, "2024-03-15T10:30:00.5+00:00", "2024-03-15T10:30:00.5+00:00", true },
        { "2024-03-15T10:30:00.123+01:00", DateTimePrecision.Time, "2024-03-15T10:30:00.123+01:00", "2024-03-15T10:30:00.123+01:00", true },
        { "2024-03-15T10:30:00.1234567Z", DateTimePrecision.Time, "2024-03-15T10:30:00.1234567+00:00", "2024-03-15T10:30:00.1234567+00:00", true },
        { "2024-03-15T10:30:00.123456789Z", DateTimePrecision.Time, "2024-03-15T10:30:00.1234567+00:00", "2024-03-15T10:30:00.1234567+00:00", true },
        { "2016-12-31T23:59:60Z", DateTimePrecision.Time, "2017-01-01T00:00:00+00:00", "2017-01-01T00:00:00+00:00", true },
        { "2024-03-15T10:30:00", DateTimePrecision.Time, "2024-03-15T10:30:00+00:00", "2024-03-15T10:30:00+00:00", false },
        { "2024-03-15T10:30:00.250", DateTimePrecision.Time, "2024-03-15T10:30:00.25+00:00", "2024-03-15T10:30:00.25+00:00", false },
        { "0001", DateTimePrecision.Year, "0001-01-01T00:00:00+00:00", "0002-01-01T00:00:00+00:00", true },
    };

    public static TheoryData<string?> InvalidValues { get; } = new()
    {
        null, string.Empty, "24", "202", "20240", "0000", "2024-", "2024-3", "2024-00", "2024-13", "2024-03-", "2024-03-1",
        "2024-13-01", "2024-02-30", "2023-02-29", "2024-04-31", "2024-03-00", "2024-03-32", "yesterday", "today",
        "2024/03/15", "15-03-2024", "20240315", " 2024", "2024 ", "2024-03-15 ", "2024-03-15T", "2024-03-15T10",
        "2024-03-15T10:30", "2024-03-15T10:30Z", "2024-03-15T10:30+01:00", "2024-03-15 10:30:00Z", "2024-03-15t10:30:00Z",
        "2024-03-15T24:00:00Z", "2024-03-15T10:60:00Z", "2024-03-15T10:30:61Z", "2024-03-15T10:30:00.Z", "2024-03-15T10:30:00z",
        "2024-03-15T10:30:00ZZ", "2024-03-15T10:30:00+1:00", "2024-03-15T10:30:00+0100", "2024-03-15T10:30:00+15:00",
        "2024-03-15T10:30:00+01:60", "2024-03-15T10:30:00+14:30", "2024-03-15T10:30:00-14:01", "2024-03-15T10:30:00 +01:00", "2024-03-15Z", "2024-03-15+01:00", "2024-03Z", "２０２４",
    };

    [Theory]
    [MemberData(nameof(ValidValues))]
    public void TryParse_ValidFhirDateOrDateTime_GivesPrecisionBoundsAndOffset(string text, DateTimePrecision precision, string start, string end, bool hasOffset)
    {
        // Act
        var parsed = FhirDateTime.TryParse(text, out var value);

        // Assert
        Assert.True(parsed);
        Assert.Equal(text, value.Value);
        Assert.Equal(precision, value.Precision);
        Assert.Equal(DateTimeOffset.Parse(start, CultureInfo.InvariantCulture), value.Start);
        Assert.Equal(DateTimeOffset.Parse(end, CultureInfo.InvariantCulture), value.End);
        Assert.Equal(hasOffset, value.HasOffset);
    }

    [Theory]
    [MemberData(nameof(ValidValues))]
    public void Parse_ValidFhirDateOrDateTime_IsTheSameAsTryParse(string text, DateTimePrecision precision, string start, string end, bool hasOffset)
    {
        // Arrange
        Assert.True(FhirDateTime.TryParse(text, out var expected));

        // Act
        var value = FhirDateTime.Parse(text);

        // Assert
        Assert.Equal(expected, value);
        Assert.Equal(precision, value.Precision);
        Assert.Equal(expected.Start, value.Start);
        Assert.Equal(DateTimeOffset.Parse(end, CultureInfo.InvariantCulture), value.End);
        Assert.Equal(DateTimeOffset.Parse(start, CultureInfo.InvariantCulture).Offset, value.Start.Offset);
        Assert.Equal(hasOffset, value.HasOffset);
    }

    [Theory]
    [MemberData(nameof(InvalidValues))]
    public void TryParse_NotAFhirDateOrDateTime_ReturnsFalse(string? text)
    {
        // Act
        var parsed = FhirDateTime.TryParse(text, out var value);

        // Assert
        Assert.False(parsed);
        Assert.Equal(default, value);
    }

    [Theory]
    [InlineData("2024-13-01")]
    [InlineData("yesterday")]
    [InlineData("2024-03-15T10:30")]
    public void Parse_NotAFhirDateOrDateTime_ThrowsFormatExceptionNamingTheText(string text)
    {
        // Act
        var ex = Assert.Throws<FormatException>(() => FhirDateTime.Parse(text));

        // Assert
        Assert.Equal($"'{text}' is not a FHIR date or dateTime.", ex.Message);
    }

    [Fact]
    public void Start_DateTimeWithoutOffset_IsReadAsUtc()
    {
        // Act
        var value = FhirDateTime.Parse("2024-03-15T10:30:00");

        // Assert
        Assert.False(value.HasOffset);
        Assert.Equal(TimeSpan.Zero, value.Start.Offset);
        Assert.Equal(new DateTimeOffset(2024, 3, 15, 10, 30, 0, TimeSpan.Zero), value.Start);
    }

    [Theory]
    [InlineData("2024")]
    [InlineData("2024-03")]
    [InlineData("2024-03-15")]
    public void HasOffset_DateWithoutTime_IsTrue(string text)
    {
        // Act and Assert
        Assert.True(FhirDateTime.Parse(text).HasOffset);
    }

    [Theory]
    [InlineData("9999")]
    [InlineData("9999-12")]
    [InlineData("9999-12-31")]
    public void End_LastPeriodDateTimeOffsetCanHold_IsMaxValueInsteadOfThrowing(string text)
    {
        // Arrange
        var value = FhirDateTime.Parse(text);

        // Act
        var end = value.End;

        // Assert
        Assert.Equal(DateTimeOffset.MaxValue, end);
    }

    [Theory]
    [InlineData("0001-01-01T00:00:00+01:00")]
    [InlineData("9999-12-31T23:59:59-01:00")]
    [InlineData("9999-12-31T23:59:60Z")]
    public void TryParse_InstantOutsideDateTimeOffsetRange_ReturnsFalseWithoutThrowing(string text)
    {
        // Act
        var ex = Record.Exception(() => FhirDateTime.TryParse(text, out _));

        // Assert
        Assert.Null(ex);
    }

    [Fact]
    public void CompareTo_SameStartDifferentPrecision_OrdersCoarserFirst()
    {
        // Arrange
        var values = new[] { "2024-01-01T00:00:00Z", "2024-01-01", "2024", "2024-01" }.Select(FhirDateTime.Parse).ToList();

        // Act
        var ordered = values.Order().Select(v => v.Value).ToArray();

        // Assert
        Assert.Equal(["2024", "2024-01", "2024-01-01", "2024-01-01T00:00:00Z"], ordered);
    }

    [Fact]
    public void CompareTo_DifferentOffsets_OrdersByInstant()
    {
        // Arrange: 10:30+01:00 is 09:30Z, before 10:00Z.
        var earlier = FhirDateTime.Parse("2024-03-15T10:30:00+01:00");
        var later = FhirDateTime.Parse("2024-03-15T10:00:00Z");

        // Act and Assert
        Assert.True(earlier < later);
        Assert.True(earlier <= later);
        Assert.True(later > earlier);
        Assert.True(later >= earlier);
        Assert.True(earlier.CompareTo(later) < 0);
        Assert.True(FhirDateTime.Parse("2023-12-31T23:59:59Z") < FhirDateTime.Parse("2024"));
        Assert.True(FhirDateTime.Parse("2024-03") < FhirDateTime.Parse("2024-03-15"));
    }

    [Fact]
    public void Equals_SameInstantWrittenDifferently_IsNotEqualButComparesEqual()
    {
        // Arrange
        var withOffset = FhirDateTime.Parse("2024-03-15T10:30:00+01:00");
        var utc = FhirDateTime.Parse("2024-03-15T09:30:00Z");

        // Act and Assert: equality is of the text (what is written back); ordering is of the instant.
        Assert.NotEqual(withOffset, utc);
        Assert.True(withOffset != utc);
        Assert.Equal(0, withOffset.CompareTo(utc));
        Assert.Equal(withOffset.Start, utc.Start);
    }

    [Fact]
    public void Equals_SameText_IsEqualWithSameHashCode()
    {
        // Arrange
        var a = FhirDateTime.Parse("2024-03-15");
        var b = FhirDateTime.Parse("2024-03-15");

        // Act and Assert
        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.True(a.Equals((object)b));
        Assert.False(a.Equals("2024-03-15"));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Fact]
    public void FromInstant_UtcWithFraction_FormatsToTheSecondWithZ()
    {
        // Arrange
        var instant = new DateTimeOffset(2024, 3, 15, 10, 30, 45, 987, TimeSpan.Zero);

        // Act
        var value = FhirDateTime.FromInstant(instant);

        // Assert
        Assert.Equal("2024-03-15T10:30:45Z", value.Value);
        Assert.Equal("2024-03-15T10:30:45Z", value.ToString());
        Assert.Equal(DateTimePrecision.Time, value.Precision);
        Assert.True(value.HasOffset);
        Assert.Equal(new DateTimeOffset(2024, 3, 15, 10, 30, 45, TimeSpan.Zero), value.Start);
        Assert.Equal(value.Start, value.End);
    }

    [Theory]
    [InlineData(1, 0, "2024-03-15T10:30:45+01:00")]
    [InlineData(-5, -30, "2024-03-15T10:30:45-05:30")]
    [InlineData(14, 0, "2024-03-15T10:30:45+14:00")]
    public void FromInstant_WithOffset_KeepsTheOffset(int hours, int minutes, string expected)
    {
        // Arrange
        var instant = new DateTimeOffset(2024, 3, 15, 10, 30, 45, 500, new TimeSpan(hours, minutes, 0));

        // Act
        var value = FhirDateTime.FromInstant(instant);

        // Assert
        Assert.Equal(expected, value.Value);
        Assert.Equal(value, FhirDateTime.Parse(expected));
        Assert.Equal(instant.Offset, value.Start.Offset);
    }

    [Fact]
    public void FromDate_Date_IsDayPrecisionFhirDate()
    {
        // Act
        var value = FhirDateTime.FromDate(new DateOnly(2024, 2, 29));

        // Assert
        Assert.Equal("2024-02-29", value.Value);
        Assert.Equal(DateTimePrecision.Day, value.Precision);
        Assert.Equal(FhirDateTime.Parse("2024-02-29"), value);
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero), value.End);
    }

    [Fact]
    public void Value_Default_IsEmptyText()
    {
        // Act
        var value = default(FhirDateTime);

        // Assert
        Assert.Equal(string.Empty, value.Value);
        Assert.Equal(string.Empty, value.ToString());
    }

    [Fact]
    public void TryParse_RandomDateTimes_StartAtTheInstantDateTimeOffsetReads()
    {
        // Arrange: every day of the calendar's range is as likely, with seconds, fractions of 1 to 7 digits, Z,
        // offsets either side and none; DateTimeOffset's own parser is the reference.
        var random = new Random(20_261_122);
        for (var i = 0; i < 5_000; i++)
        {
            var day = DateOnly.FromDayNumber(random.Next(DateOnly.MinValue.DayNumber + 1, DateOnly.MaxValue.DayNumber));
            var time = new TimeOnly(random.Next(24), random.Next(60), random.Next(60));
            var fraction = random.Next(3) == 0 ? string.Empty : "." + random.NextInt64(10_000_000).ToString("D7", CultureInfo.InvariantCulture)[..random.Next(1, 8)];
            var offset = random.Next(4) switch
            {
                0 => string.Empty,
                1 => "Z",
                _ => string.Create(CultureInfo.InvariantCulture, $"{(random.Next(2) == 0 ? '+' : '-')}{random.Next(15):D2}:{random.Next(60):D2}"),
            };
            var text = string.Create(CultureInfo.InvariantCulture, $"{day:yyyy-MM-dd}T{time:HH:mm:ss}{fraction}{offset}");
            var readable = DateTimeOffset.TryParse(
                offset.Length == 0 ? text + "Z" : text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var expected);

            // Act
            var parsed = FhirDateTime.TryParse(text, out var value);

            // Assert
            Assert.True(readable == parsed, $"{text}: DateTimeOffset reads it: {readable}; FhirDateTime: {parsed}.");
            if (parsed)
            {
                Assert.True(expected == value.Start && expected.Offset == value.Start.Offset, $"{text}: expected {expected:O}, got {value.Start:O}.");
                Assert.Equal(DateTimePrecision.Time, value.Precision);
                Assert.Equal(offset.Length > 0, value.HasOffset);
            }
        }
    }
}
