using System.Collections.Frozen;

namespace B12Cds.Facts.Units;

/// <summary>A UCUM unit atom: the symbol it is written with in canonical codes, its factor to base units, its dimension, and whether it takes SI prefixes.</summary>
internal sealed record UcumAtom(string Symbol, Rational Factor, UnitDimension Dimension, bool IsMetric);

/// <summary>
/// The UCUM atoms and prefixes this library knows (the subset that laboratory results, doses and durations use), and
/// the common non-UCUM spellings found in EHR data with the UCUM code each one stands for.
/// </summary>
internal static class UcumAtoms
{
    private static readonly UnitDimension MassDimension = new(1, 0, 0, 0, 0, 0);
    private static readonly UnitDimension AmountDimension = new(0, 1, 0, 0, 0, 0);
    private static readonly UnitDimension LengthDimension = new(0, 0, 1, 0, 0, 0);
    private static readonly UnitDimension TimeDimension = new(0, 0, 0, 1, 0, 0);
    private static readonly UnitDimension InternationalUnitDimension = new(0, 0, 0, 0, 1, 0);
    private static readonly UnitDimension EquivalentDimension = new(0, 0, 0, 0, 0, 1);
    private static readonly UnitDimension VolumeDimension = LengthDimension.Power(3);
    private static readonly UnitDimension CatalyticDimension = AmountDimension.Divide(TimeDimension);

    /// <summary>Gets the atoms, keyed by every symbol accepted in input (<c>l</c> and <c>L</c> are both the litre, <c>[iU]</c> and <c>[IU]</c> both the international unit).</summary>
    public static FrozenDictionary<string, UcumAtom> Atoms { get; } = BuildAtoms();

    /// <summary>Gets the SI prefixes and their factors (case-sensitive: <c>m</c> is milli, <c>M</c> is mega).</summary>
    public static FrozenDictionary<string, Rational> Prefixes { get; } = BuildPrefixes();

    /// <summary>
    /// Gets the spellings matched without regard to case (keys are lower case), each with the UCUM code it stands for:
    /// the usual clinical prefixed units (<c>ML</c>, <c>Mmol</c>, <c>MEQ</c>) and common non-UCUM words and abbreviations
    /// (<c>mcg</c>, <c>IU</c>, <c>hrs</c>, <c>days</c>, <c>cells</c>).
    /// </summary>
    public static FrozenDictionary<string, string> Spellings { get; } = BuildSpellings();

    /// <summary>Resolves a symbol written exactly as UCUM writes it (an atom, or an SI prefix followed by a metric atom).</summary>
    public static bool TryResolve(string symbol, out string code, out Rational factor, out UnitDimension dimension)
    {
        if (Atoms.TryGetValue(symbol, out var atom))
        {
            (code, factor, dimension) = (atom.Symbol, atom.Factor, atom.Dimension);
            return true;
        }

        for (var prefixLength = 1; prefixLength <= 2 && prefixLength < symbol.Length; prefixLength++)
        {
            if (Prefixes.TryGetValue(symbol[..prefixLength], out var prefix)
                && Atoms.TryGetValue(symbol[prefixLength..], out atom)
                && atom.IsMetric)
            {
                code = symbol[..prefixLength] + atom.Symbol;
                factor = prefix.Multiply(atom.Factor);
                dimension = atom.Dimension;
                return true;
            }
        }

        (code, factor, dimension) = (string.Empty, Rational.One, UnitDimension.Dimensionless);
        return false;
    }

    private static FrozenDictionary<string, UcumAtom> BuildAtoms()
    {
        var seconds = Rational.One;
        var day = Rational.FromInteger(86_400);
        var julianYear = Rational.FromDecimal(365.25m).Multiply(day);
        var gregorianYear = Rational.FromDecimal(365.2425m).Multiply(day);
        var twelve = Rational.FromInteger(12);
        var atoms = new List<UcumAtom>
        {
            new("g", Rational.One, MassDimension, IsMetric: true),
            new("mol", Rational.One, AmountDimension, IsMetric: true),
            new("m", Rational.One, LengthDimension, IsMetric: true),
            new("L", Rational.Create(1, 1000), VolumeDimension, IsMetric: true),
            new("s", seconds, TimeDimension, IsMetric: true),
            new("min", Rational.FromInteger(60), TimeDimension, IsMetric: false),
            new("h", Rational.FromInteger(3_600), TimeDimension, IsMetric: false),
            new("d", day, TimeDimension, IsMetric: false),
            new("wk", Rational.FromInteger(7).Multiply(day), TimeDimension, IsMetric: false),
            new("a", julianYear, TimeDimension, IsMetric: false),
            new("a_j", julianYear, TimeDimension, IsMetric: false),
            new("a_g", gregorianYear, TimeDimension, IsMetric: false),
            new("a_t", Rational.FromDecimal(365.24219m).Multiply(day), TimeDimension, IsMetric: false),
            new("mo", julianYear.Divide(twelve), TimeDimension, IsMetric: false),
            new("mo_j", julianYear.Divide(twelve), TimeDimension, IsMetric: false),
            new("mo_g", gregorianYear.Divide(twelve), TimeDimension, IsMetric: false),
            new("mo_s", Rational.FromDecimal(29.53059m).Multiply(day), TimeDimension, IsMetric: false),
            new("%", Rational.Create(1, 100), UnitDimension.Dimensionless, IsMetric: false),
            new("[IU]", Rational.One, InternationalUnitDimension, IsMetric: true),
            new("eq", Rational.One, EquivalentDimension, IsMetric: true),
            new("U", Rational.Create(1, 60_000_000), CatalyticDimension, IsMetric: true),
            new("kat", Rational.One, CatalyticDimension, IsMetric: true),
        };

        var byInputSymbol = atoms.ToDictionary(atom => atom.Symbol, StringComparer.Ordinal);
        byInputSymbol.Add("l", byInputSymbol["L"]);
        byInputSymbol.Add("[iU]", byInputSymbol["[IU]"]);
        return byInputSymbol.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static FrozenDictionary<string, Rational> BuildPrefixes()
    {
        string[] symbols = ["y", "z", "a", "f", "p", "n", "u", "m", "c", "d", string.Empty, "da", "h", "k", "M", "G", "T", "P", "E", "Z", "Y"];
        int[] exponents = [-24, -21, -18, -15, -12, -9, -6, -3, -2, -1, 0, 1, 2, 3, 6, 9, 12, 15, 18, 21, 24];
        var ten = Rational.FromInteger(10);
        var prefixes = new Dictionary<string, Rational>(StringComparer.Ordinal);
        for (var i = 0; i < symbols.Length; i++)
        {
            if (symbols[i].Length > 0)
            {
                prefixes.Add(symbols[i], ten.Power(exponents[i]));
            }
        }

        return prefixes.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static FrozenDictionary<string, string> BuildSpellings()
    {
        var spellings = new Dictionary<string, string>(StringComparer.Ordinal);

        // Prefixed clinical units, so that "ML", "MG/DL" or "Mmol/l" read as the units laboratories mean. Only the
        // lower-case prefixes are listed, so no two entries differ only by case.
        string[] prefixes = [string.Empty, "k", "d", "c", "m", "u", "n", "p", "f"];
        string[] metricAtoms = ["g", "mol", "L", "m", "s", "[IU]", "eq", "U", "kat"];
        foreach (var atom in metricAtoms)
        {
            foreach (var prefix in prefixes)
            {
                spellings.TryAdd((prefix + atom).ToLowerInvariant(), prefix + atom);
            }
        }

        foreach (var atom in new[] { "min", "h", "d", "wk", "mo", "a", "%" })
        {
            spellings.TryAdd(atom, atom);
        }

        // International units written without brackets: IU, mIU, uIU, kIU.
        foreach (var prefix in new[] { string.Empty, "k", "m", "u", "n" })
        {
            spellings.TryAdd(prefix + "iu", prefix + "[IU]");
        }

        AddWords(spellings, "ug", "mcg", "mcgs", "microgram", "micrograms", "microgramme", "microgrammes");
        AddWords(spellings, "mg", "milligram", "milligrams", "milligramme", "milligrammes");
        AddWords(spellings, "g", "gm", "gms", "gram", "grams", "gramme", "grammes");
        AddWords(spellings, "kg", "kilogram", "kilograms");
        AddWords(spellings, "ng", "nanogram", "nanograms");
        AddWords(spellings, "umol", "mcmol", "micromol", "micromole", "micromoles");
        AddWords(spellings, "mmol", "millimol", "millimole", "millimoles");
        AddWords(spellings, "uL", "mcl", "microlitre", "microliter");
        AddWords(spellings, "mL", "millilitre", "milliliter", "millilitres", "milliliters");
        AddWords(spellings, "L", "litre", "liter", "litres", "liters");
        AddWords(spellings, "s", "sec", "secs", "second", "seconds");
        AddWords(spellings, "min", "mins", "minute", "minutes");
        AddWords(spellings, "h", "hr", "hrs", "hour", "hours");
        AddWords(spellings, "d", "day", "days");
        AddWords(spellings, "wk", "wks", "week", "weeks");
        AddWords(spellings, "mo", "mon", "mos", "mth", "mths", "month", "months");
        AddWords(spellings, "a", "y", "yr", "yrs", "year", "years");
        AddWords(spellings, "%", "percent");
        AddWords(spellings, "{cells}", "cells");
        return spellings.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static void AddWords(Dictionary<string, string> spellings, string code, params string[] words)
    {
        foreach (var word in words)
        {
            spellings[word] = code;
        }
    }
}
