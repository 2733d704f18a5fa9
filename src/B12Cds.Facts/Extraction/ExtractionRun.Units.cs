using B12Cds.Facts.Terminology;
using B12Cds.Facts.Units;
using B12Cds.Fhir.Model;

namespace B12Cds.Facts.Extraction;

/// <summary>
/// Units, worked out once per extraction for each unit string: a bundle gives the same few units (g/L, fL, ug/L…) to
/// result after result, each value with a reference range, and the parser gives each repeat as the same string.
/// </summary>
internal sealed partial class ExtractionRun
{
    /// <summary>The UCUM code dose masses are normalised to.</summary>
    private const string Micrograms = "ug";

    private readonly InstanceMemo<LabUnit> _labUnits = new();
    private readonly InstanceMemo<DoseUnit> _doseUnits = new();
    private readonly InstanceMemo<ConversionFactor?> _toDays = new();

    /// <summary>Gets what a quantity's unit means for results of <paramref name="analyte"/>; null when the quantity has no unit.</summary>
    private LabUnit? LabUnitOf(Quantity quantity, LabAnalyte analyte)
    {
        if (UnitText(quantity) is not { } written)
        {
            return null;
        }

        if (!_labUnits.TryGetValue(written, analyte, out var unit))
        {
            // A lab's spelling that means something else in UCUM is mapped first (TSH "mU/L").
            var text = analyte.UnitAliases.TryGetValue(written, out var meant) ? meant : written;
            var ucum = UnitConversion.TryNormalize(text, out var normalized) ? normalized : null;
            var factor = ucum is not null && analyte.CanonicalUnit is { } canonical
                ? UnitConversion.FactorBetween(ucum, canonical, analyte.MolarMass, analyte.Valence)
                : null;
            unit = new LabUnit(text, ucum, factor);
            _labUnits.Add(written, analyte, unit);
        }

        return unit;
    }

    /// <summary>Gets what a dose quantity's unit means; null when the quantity has no unit.</summary>
    private DoseUnit? DoseUnitOf(Quantity quantity)
    {
        if (UnitText(quantity) is not { } written)
        {
            return null;
        }

        if (!_doseUnits.TryGetValue(written, null, out var unit))
        {
            var ucum = UnitConversion.TryNormalize(written, out var normalized) ? normalized : null;
            unit = new DoseUnit(ucum, ucum is null ? null : UnitConversion.FactorBetween(ucum, Micrograms, molarMassGramsPerMole: null, valence: null));
            _doseUnits.Add(written, null, unit);
        }

        return unit;
    }

    /// <summary>Converts a duration to days as <see cref="UnitConversion.TryToDays"/> does.</summary>
    private bool TryToDays(decimal value, string unit, out decimal days)
    {
        if (!_toDays.TryGetValue(unit, null, out var factor))
        {
            factor = UnitConversion.FactorToDays(unit);
            _toDays.Add(unit, null, factor);
        }

        days = 0m;
        return factor is not null && factor.TryApply(value, out days);
    }

    /// <summary>What a result's unit means for its analyte.</summary>
    /// <param name="text">The unit as the analyte's results mean it: as written, or what a listed alias maps it to.</param>
    /// <param name="ucum">The UCUM code of <paramref name="text"/>; null when it is not a known unit.</param>
    /// <param name="toCanonical">The factor to the analyte's canonical unit (the same unit included); null when there is none, or the unit does not convert to it.</param>
    private sealed class LabUnit(string text, string? ucum, ConversionFactor? toCanonical)
    {
        /// <summary>The last two reference range bounds converted, each with its result: a lab gives the same range with every result.</summary>
        private Converted _last;
        private Converted _beforeLast;

        public string Text => text;

        public string? Ucum => ucum;

        public ConversionFactor? ToCanonical => toCanonical;

        /// <summary>Converts a reference range bound as <see cref="ConversionFactor.TryApply"/> does, remembering the last two.</summary>
        public bool TryConvertBound(decimal value, out decimal result)
        {
            result = 0m;
            if (toCanonical is null)
            {
                return false;
            }

            if (_last.Is(value))
            {
                result = _last.Result;
                return _last.Succeeded;
            }

            if (_beforeLast.Is(value))
            {
                result = _beforeLast.Result;
                return _beforeLast.Succeeded;
            }

            var succeeded = toCanonical.TryApply(value, out result);
            _beforeLast = _last;
            _last = new Converted(true, value, succeeded, result);
            return succeeded;
        }

        /// <summary>A value converted, and the outcome.</summary>
        private readonly record struct Converted(bool Known, decimal Value, bool Succeeded, decimal Result)
        {
            /// <summary>Gets a value indicating whether this is the conversion of the same decimal, scale and all (150.0 is not taken for 150, although both convert alike).</summary>
            public bool Is(decimal value) => Known && Value == value && Value.Scale == value.Scale;
        }
    }

    /// <summary>What a dose's unit means.</summary>
    /// <param name="Ucum">The UCUM code; null when it is not a known unit.</param>
    /// <param name="ToMicrograms">The factor to micrograms; null when the unit is not a mass.</param>
    private sealed record DoseUnit(string? Ucum, ConversionFactor? ToMicrograms);
}
