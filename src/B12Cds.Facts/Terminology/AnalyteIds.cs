namespace B12Cds.Facts.Terminology;

/// <summary>Ids of the lab analytes in <c>rules/valuesets/labs.yaml</c> that code refers to (a test checks the shipped file).</summary>
public static class AnalyteIds
{
    public const string B12Total = "b12-total";
    public const string B12Active = "b12-active";
    public const string MmaSerum = "mma-serum";
    public const string MmaUrine = "mma-urine";
    public const string Homocysteine = "homocysteine";
    public const string FolateSerum = "folate-serum";
    public const string FolateRbc = "folate-rbc";
    public const string Hemoglobin = "hemoglobin";
    public const string Mcv = "mcv";
    public const string Hematocrit = "hematocrit";
    public const string ReticulocytesPercent = "reticulocytes-percent";
    public const string ReticulocytesAbsolute = "reticulocytes-absolute";
    public const string Wbc = "wbc";
    public const string Platelets = "platelets";
    public const string IntrinsicFactorAntibody = "intrinsic-factor-antibody";
    public const string ParietalCellAntibody = "parietal-cell-antibody";
    public const string Potassium = "potassium";
    public const string Creatinine = "creatinine";
    public const string Egfr = "egfr";
    public const string Ferritin = "ferritin";
    public const string Tsh = "tsh";
}
