namespace B12Cds.Facts.Model;

/// <summary>Whether a fact holds now. Entered-in-error, cancelled, refuted and not-done data never become facts at all.</summary>
public enum FactStatus
{
    /// <summary>Current: an active condition, a current medication, a final result.</summary>
    Active,

    /// <summary>History: a resolved condition, a stopped or completed medication.</summary>
    Inactive,

    /// <summary>Not yet in effect: a draft or proposed order, as in an order-select or order-sign hook.</summary>
    Proposed,
}
