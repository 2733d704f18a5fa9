using B12Cds.Fhir.Model;

namespace B12Cds.Facts.Extraction;

/// <summary>One resource of the input, with its Bundle <c>fullUrl</c> (if any) and its path in the input.</summary>
internal sealed record InputEntry(Resource Resource, string? FullUrl, string Path);
