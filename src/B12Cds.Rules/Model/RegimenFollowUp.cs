using B12Cds.Facts.Model;

namespace B12Cds.Rules.Model;

/// <summary>A follow-up test in a regimen: which analyte, and how long after the start (e.g. reticulocytes at 10 d, Hb at 8 wk).</summary>
/// <param name="Analyte">The analyte id.</param>
/// <param name="After">How long after the start of treatment.</param>
/// <param name="Reason">Why, for people.</param>
public sealed record RegimenFollowUp(string Analyte, Measurement After, string? Reason);
